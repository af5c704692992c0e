//! How long a text typed by a person may be, for every action.

use super::command::OpError;

/// The longest reason or note an action keeps (characters): a paragraph,
/// not a pasted file.
pub const TEXT_MAX_CHARS: usize = 1000;

/// Refuse a reason or note over [`TEXT_MAX_CHARS`].
pub(super) fn short(field: &'static str, text: Option<&str>) -> Result<(), OpError> {
    let chars = text.map_or(0, |t| t.chars().count());
    if chars > TEXT_MAX_CHARS {
        return Err(OpError::TooLong {
            field,
            chars,
            max: TEXT_MAX_CHARS,
        });
    }
    Ok(())
}

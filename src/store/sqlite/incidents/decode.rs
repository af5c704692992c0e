//! A value the incident tables should never hold, as an error of reading them.

pub(super) fn bad(what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, what.into())
}

//! A failed command in words, in the interface language: the refusals a
//! duty officer meets (unknown complaint or officer, an illegal step, a
//! backdated arrival without a note, no database yet) come from the string
//! table; rarer failures keep the store's own words, which name the file
//! and what to check.

use std::path::Path;

use chrono_tz::Tz;

use super::Failure;
use super::context::Context;
use super::words::status;
use crate::domain::arrival::ArrivalTimeError;
use crate::domain::complaint::TransitionError;
use crate::i18n::{Lang, T, fill};
use crate::ops::OpError;
use crate::store::StoreError;

/// `f` with its message in the interface language (exit code unchanged).
pub(super) fn worded(ctx: &Context, f: Failure) -> Failure {
    match f {
        Failure::Store(e) | Failure::Op(OpError::Store(e)) => {
            let (lang, tz) = ctx.words_guess();
            store(lang, &tz, e, &ctx.db_path_for_messages())
        }
        Failure::Op(OpError::NoReason) => {
            Failure::User(T::CliNeedsReason.get(ctx.lang_guess()).to_string())
        }
        Failure::Op(e) => {
            let (lang, tz) = ctx.words_guess();
            Failure::User(crate::tui::words::error_plain(lang, &tz, &e))
        }
        Failure::Internal(text) => Failure::Internal(internal(ctx.lang_guess(), &text)),
        other => other,
    }
}

fn internal(lang: Lang, text: &str) -> String {
    fill(T::CliInternal.get(lang), &[("text", text)])
}

/// A store failure in words, naming the database file: exit 1 when the
/// operator can fix it (path, permission, read-only, wrong file, schema,
/// bad input), 2 when it broke part-way (I/O, full disk, damage).
pub(super) fn store(lang: Lang, tz: &Tz, e: StoreError, db: &Path) -> Failure {
    let e = e.at(db);
    let text = store_text(lang, tz, &e).unwrap_or_else(|| e.to_string());
    if e.is_user_error() {
        Failure::User(text)
    } else {
        Failure::Internal(internal(lang, &text))
    }
}

/// An RFC 3339 instant in the configured zone (as it is, if it is none).
fn local(text: &str, tz: &Tz) -> String {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| super::view::time(t.with_timezone(&chrono::Utc), tz))
        .unwrap_or_else(|_| text.to_string())
}

fn store_text(lang: Lang, tz: &Tz, e: &StoreError) -> Option<String> {
    let say = |t: T, args: &[(&str, &str)]| fill(t.get(lang), args);
    let path = |p: &Path| p.display().to_string();
    Some(match e {
        StoreError::NoSuchComplaint(id) => say(T::CliNoComplaint, &[("id", &id.to_string())]),
        StoreError::NoSuchOfficer(id) => say(T::CliUnknownOfficer, &[("id", id)]),
        StoreError::NotOpen { id, status: s } => say(
            T::CliCannotEscalate,
            &[("id", &id.to_string()), ("status", status(lang, *s))],
        ),
        StoreError::Missing { path: p } => say(T::CliNoDatabase, &[("path", &path(p))]),
        StoreError::NotInitialised { path: p } => say(T::CliNotInitialised, &[("path", &path(p))]),
        StoreError::NeedsUpgrade {
            path: p,
            found,
            latest,
        } => say(
            T::CliNeedsUpgrade,
            &[
                ("path", &path(p)),
                ("found", &found.to_string()),
                ("latest", &latest.to_string()),
            ],
        ),
        StoreError::Transition {
            id,
            source: TransitionError::Illegal { action, from, hint },
        } => say(
            T::CliIllegal,
            &[
                ("id", &id.to_string()),
                ("action", &crate::words::step(lang, action)),
                ("status", status(lang, *from)),
                ("hint", crate::words::hint(lang, *hint)),
            ],
        ),
        StoreError::ArrivalTime { id, source } => {
            let id = id.to_string();
            match source {
                ArrivalTimeError::BeforeReceived { arrived, received } => say(
                    T::CliArrivalBeforeReceived,
                    &[
                        ("id", &id),
                        ("arrived", &local(arrived, tz)),
                        ("received", &local(received, tz)),
                    ],
                ),
                ArrivalTimeError::InFuture(m) => say(
                    T::CliArrivalInFuture,
                    &[("id", &id), ("minutes", &m.to_string())],
                ),
                ArrivalTimeError::BackdateNeedsNote(m) => say(
                    T::CliBackdateNeedsNote,
                    &[("id", &id), ("minutes", &m.to_string())],
                ),
            }
        }
        StoreError::NoSuchGrid(g) => say(T::CliUnknownGrid, &[("grid", g)]),
        StoreError::Triage { .. } => crate::tui::words::store_error(lang, tz, e),
        StoreError::Incident(i) => crate::words::incident_ops::error(lang, tz, i),
        StoreError::Merge(m) => crate::words::merge::refusal(lang, m),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::complaint::Status;

    /// The English of the table is the store's own wording, status words aside.
    #[test]
    fn english_words_match_the_store_s_own() {
        let cases = [
            StoreError::NoSuchComplaint(7),
            StoreError::NoSuchOfficer("O9".into()),
            StoreError::Missing {
                path: "/srv/gw.db".into(),
            },
            StoreError::NotInitialised {
                path: "/srv/gw.db".into(),
            },
            StoreError::ArrivalTime {
                id: 1,
                source: ArrivalTimeError::BackdateNeedsNote(15),
            },
        ];
        for e in cases {
            assert_eq!(store_text(Lang::En, &Tz::UTC, &e), Some(e.to_string()));
        }
        let e = StoreError::Transition {
            id: 1,
            source: TransitionError::Illegal {
                action: "log an arrival",
                from: Status::OnScene,
                hint: crate::domain::complaint::Hint::ArrivalLogged,
            },
        };
        assert_eq!(
            store_text(Lang::Zh, &Tz::UTC, &e).unwrap(),
            "举报 1：无法登记到场：举报当前为已到场（已登记到场）"
        );
    }
}

//! `gridwatch handover --from O1 --to O2 [--note TEXT] [--preview]
//! [--output FILE]`: the shift handover sheet of everything open, as
//! Markdown on stdout in the interface language, recorded (with its audit
//! record) as confirmed by the incoming officer who types the command —
//! unless `--preview`. `--output` also writes it to a new file, never over
//! an existing one (checked before anything is recorded).

use std::io::Write;
use std::path::PathBuf;

use super::{Context, Failure};
use crate::domain::handover::{Head, Sheet};
use crate::i18n::{T, fill};
use crate::ops::{self, OpError};
use crate::store::Durability;

pub(super) struct Args {
    pub from: String,
    pub to: String,
    pub note: Option<String>,
    pub preview: bool,
    pub output: Option<PathBuf>,
}

pub(super) fn run(ctx: &Context, a: Args) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let (from, to) = (a.from.trim().to_string(), a.to.trim().to_string());
    // Refused before anything is read or written: unknown officers, one person.
    ops::handover::check(&config, &from, &to).map_err(|e| Failure::Op(OpError::Handover(e)))?;
    let mut store = ctx.open_store(&config, Durability::Normal)?;
    let now = ctx.now();
    let db = super::context::absolute(&ctx.db_path(&config));
    let sources = crate::board::sources::SourceBoard::load(&store, &config, now)?;
    let open = crate::board::handover::open_matters(&store, &config, now, &db, &sources)?;
    let station = ctx.station();
    let head = Head {
        at: now,
        from: from.clone(),
        to: to.clone(),
        station: station.clone(),
        note: a.note.clone(),
    };
    let text = crate::report::handover::markdown(lang, &config, &Sheet::new(head, open));
    // The file first: a name taken refuses the whole command, nothing recorded.
    let mut file = match &a.output {
        Some(path) => Some((path, create_new(path, lang)?)),
        None => None,
    };
    // The sheet is written and shown before it is recorded: a handover
    // whose sheet nobody could read (stdout closed or full) is no handover.
    if let Some((path, f)) = &mut file {
        let shown = crate::text::sanitize(&path.display().to_string());
        if let Err(e) = f.write_all(text.as_bytes()).and_then(|()| f.sync_all()) {
            let _ = std::fs::remove_file(path);
            return Err(Failure::User(fill(
                T::HandCliCannotWrite.get(lang),
                &[("path", &shown), ("why", &e.to_string())],
            )));
        }
    }
    if let Err(why) = show(&text) {
        if let Some((path, _)) = file.take() {
            let _ = std::fs::remove_file(path);
        }
        return Err(Failure::User(fill(
            T::HandCliNotShown.get(lang),
            &[("why", &why)],
        )));
    }
    if let Some((path, _)) = &file {
        let shown = crate::text::sanitize(&path.display().to_string());
        warnln!("{}", fill(T::HandCliWritten.get(lang), &[("path", &shown)]));
    }
    if a.preview {
        warnln!("{}", T::HandCliPreview.get(lang));
        return Ok(());
    }
    let cmd = ops::Command::Handover {
        from,
        to,
        note: a.note,
        sheet: text,
        station,
    };
    match ops::perform(&mut store, &config, &ctx.actor(), now, cmd) {
        Ok(outcome) => warnln!("{}", super::words::outcome(lang, &config, &outcome)),
        Err(e) => {
            if let Some((path, f)) = file.take() {
                drop(f);
                let _ = std::fs::remove_file(path);
            }
            return Err(e.into());
        }
    }
    Ok(())
}

/// The sheet on stdout, flushed; why not, when it could not be.
fn show(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| e.to_string())
}

/// A new file at `path`; an existing one is never opened for writing.
fn create_new(path: &std::path::Path, lang: crate::i18n::Lang) -> Result<std::fs::File, Failure> {
    let shown = crate::text::sanitize(&path.display().to_string());
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            Failure::User(match e.kind() {
                std::io::ErrorKind::AlreadyExists => {
                    fill(T::HandCliExists.get(lang), &[("path", &shown)])
                }
                _ => fill(
                    T::HandCliCannotWrite.get(lang),
                    &[("path", &shown), ("why", &e.to_string())],
                ),
            })
        })
}

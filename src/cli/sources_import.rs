//! `gridwatch sources import FILE.csv [--replace]`: check every row, merge
//! the rows into the register in force (or, with `--replace`, make them the
//! whole register), check the result as `check-config` would, keep the
//! previous `enterprises.toml` as `enterprises.toml.bak` and write the new
//! one — both atomically, its comments kept, `officers.toml` untouched.
//! Nothing is written on any error; the embedded demo county (no
//! directory) cannot be changed. Running daemons and consoles take the new
//! register up (`config::register::Watch`).
//!
//! `gridwatch sources export [FILE.csv]`: the register in the import's CSV.

use std::path::Path;

use super::{Context, Failure};
use crate::config::calendar::write_atomically;
use crate::config::{register, register_csv, register_merge};
use crate::i18n::{T, fill};

/// The largest CSV read and register written: config files are read up to
/// 4 MiB (`config::not_readable`).
const MAX_IMPORT_BYTES: u64 = 4 << 20;

pub fn run(ctx: &Context, file: &Path, replace: bool) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let Some(target) = crate::config::register::file_path(&config.source) else {
        return Err(Failure::User(T::SrcImportEmbedded.get(lang).into()));
    };
    let display = file.display().to_string();
    // A regular file of at most the register's own size limit: a pipe or
    // /dev/zero would block or fill the memory of the host the daemon shares.
    let text = super::calendar::read_csv_at_most(file, lang, MAX_IMPORT_BYTES, T::SrcCsvTooBig)
        .map_err(|why| Failure::User(format!("{}: {why}", crate::text::sanitize(&display))))?;
    let old = std::fs::read_to_string(&target).ok();
    let head = register_csv::head_of(old.as_deref().unwrap_or_default());
    let refused = |n: usize, file: &str| {
        fill(
            T::SrcImportRefused.get(lang),
            &[("n", &n.to_string()), ("file", file)],
        )
    };
    let rows = match register_csv::parse(&config, &display, &text) {
        Ok(rows) => rows,
        Err(errors) => {
            for e in &errors {
                warnln!("{}", e.text(lang));
            }
            return Err(Failure::User(refused(errors.len(), &display)));
        }
    };
    let merged = register_merge::merge(&config.enterprises.current(), rows, replace);
    let toml = register_csv::render(&head, &display, &merged.rows);
    // The file as written must read back as check-config reads it: not
    // over the size every config file is held to, and valid.
    let shown = target.display().to_string();
    if toml.len() as u64 > MAX_IMPORT_BYTES {
        return Err(Failure::User(fill(
            T::SrcImportTooBig.get(lang),
            &[
                ("bytes", &toml.len().to_string()),
                ("max", &(MAX_IMPORT_BYTES >> 20).to_string()),
            ],
        )));
    }
    if let Err(errors) = register::check(&config, &shown, &toml) {
        for e in &errors {
            warnln!("{e}");
        }
        return Err(Failure::User(refused(errors.len(), &display)));
    }
    let bak = target.with_file_name("enterprises.toml.bak");
    if let Some(old) = &old {
        write_atomically(&bak, old)
            .map_err(|e| Failure::User(format!("{}: cannot write: {e}", bak.display())))?;
    }
    write_atomically(&target, &toml)
        .map_err(|e| Failure::User(format!("{shown}: cannot write: {e}")))?;
    let n = |v: &[String]| v.len().to_string();
    outln!(
        "{}",
        fill(
            T::SrcImportDone.get(lang),
            &[
                ("n", &merged.rows.len().to_string()),
                ("path", &shown),
                ("added", &n(&merged.added)),
                ("updated", &n(&merged.updated)),
                ("kept", &n(&merged.kept)),
                ("removed", &n(&merged.removed)),
            ],
        )
    );
    for (t, ids) in [
        (T::SrcImportAdded, &merged.added),
        (T::SrcImportUpdated, &merged.updated),
        (T::SrcImportRemoved, &merged.removed),
    ] {
        if !ids.is_empty() {
            let ids = crate::text::sanitize(&ids.join(" "));
            outln!("  {}", fill(t.get(lang), &[("ids", &ids)]));
        }
    }
    if old.is_some() {
        let path = bak.display().to_string();
        outln!("{}", fill(T::SrcImportBak.get(lang), &[("path", &path)]));
    }
    Ok(())
}

pub fn export(ctx: &Context, file: Option<&Path>) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let register = config.enterprises.current();
    let csv = register_merge::export(&register);
    match file {
        None => out!("{csv}"),
        Some(path) => {
            let shown = path.display().to_string();
            write_atomically(path, &csv)
                .map_err(|e| Failure::User(format!("{shown}: cannot write: {e}")))?;
            outln!(
                "{}",
                fill(
                    T::SrcExported.get(lang),
                    &[("n", &register.len().to_string()), ("path", &shown)],
                )
            );
        }
    }
    Ok(())
}

//! `gridwatch sources import FILE.csv`: check every row, then write
//! `enterprises.toml` of the config directory atomically — its comments
//! kept, `officers.toml` untouched. Nothing is written on any error; the
//! embedded demo county (no directory) cannot be changed. Running daemons
//! and consoles take the new register up (`config::register::Watch`).

use std::path::Path;

use super::{Context, Failure};
use crate::config::calendar::write_atomically;
use crate::config::{register, register_csv};
use crate::i18n::{T, fill};

pub fn run(ctx: &Context, file: &Path) -> Result<(), Failure> {
    let config = ctx.config()?;
    let lang = ctx.lang(&config);
    let Some(target) = crate::config::register::file_path(&config.source) else {
        return Err(Failure::User(T::SrcImportEmbedded.get(lang).into()));
    };
    let display = file.display().to_string();
    let text = std::fs::read(file)
        .map_err(|e| Failure::User(format!("{display}: {e}")))
        .and_then(|b| {
            String::from_utf8(b).map_err(|_| {
                Failure::User(format!("{display}: not valid UTF-8 (save it as UTF-8)"))
            })
        })?;
    let old = std::fs::read_to_string(&target).unwrap_or_default();
    let head = register_csv::head_of(&old);
    let refused = |n: usize| {
        fill(
            T::SrcImportRefused.get(lang),
            &[("n", &n.to_string()), ("file", &display)],
        )
    };
    let (toml, n) = match register_csv::parse(&config, &display, &text, &head) {
        Ok(done) => done,
        Err(errors) => {
            for e in &errors {
                warnln!("{}", e.text(lang));
            }
            return Err(Failure::User(refused(errors.len())));
        }
    };
    // The file as written must read back as check-config reads it.
    let shown = target.display().to_string();
    if let Err(errors) = register::check(&config, &shown, &toml) {
        for e in &errors {
            warnln!("{e}");
        }
        return Err(Failure::User(refused(errors.len())));
    }
    write_atomically(&target, &toml)
        .map_err(|e| Failure::User(format!("{shown}: cannot write: {e}")))?;
    outln!(
        "{}",
        fill(
            T::SrcImported.get(lang),
            &[("n", &n.to_string()), ("path", &shown)],
        )
    );
    Ok(())
}

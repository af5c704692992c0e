//! The register job (#11), in the daemon and in every console: takes up a
//! changed `enterprises.toml` without a restart (`config::register::Watch`).
//! The daemon first mirrors the new register into the database (complaints
//! point at enterprises by foreign key), then puts it in force; a file that
//! does not validate is refused with file:line in the log and the register
//! in force is kept.

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::config::live::Live;
use crate::config::register::{Register, Watch};
use crate::store::{DbFile, Durability};

/// Run until `shutdown`: every `interval`, look at `enterprises.toml`;
/// `db`: the daemon's database, mirrored before a new register is in force.
pub async fn register_loop(
    config: Arc<Config>,
    db: Option<DbFile>,
    interval: Duration,
    shutdown: CancellationToken,
) {
    let mut watch = Watch::new(&config);
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => break,
            _ = tick.tick() => {}
        }
        match watch.changed(&config) {
            None => {}
            Some(Err(errors)) => {
                for e in errors {
                    tracing::error!("enterprises.toml refused, the register in force is kept: {e}");
                }
            }
            Some(Ok(register)) => {
                let n = register.len();
                if let Some(db) = &db {
                    mirror(db, &config, register.clone()).await;
                }
                config.enterprises.replace(register);
                tracing::info!(
                    sources = n,
                    "enterprises.toml changed: the new register is in force"
                );
            }
        }
    }
}

/// Mirror `register` into the database (a copy of the configuration with it).
async fn mirror(db: &DbFile, config: &Config, register: Register) {
    let mut with = config.clone();
    with.enterprises = Live::new(register);
    let db = db.clone();
    let done = tokio::task::spawn_blocking(move || {
        let mut conn = db.connect(Durability::Full);
        let (store, _) = conn.get()?;
        store.sync_reference(&with)
    })
    .await;
    match done {
        Ok(Ok(_)) => {}
        Ok(Err(e)) => {
            tracing::error!("the new register could not be mirrored into the database: {e}")
        }
        Err(e) => tracing::error!("the register mirror stopped: {e}"),
    }
}

//! The long-running commands: the intake daemon and the dashboard (the
//! demo, which runs both, is in `drill`).
//! Each builds a tokio runtime, wires signals to one shutdown token, and
//! hands its IO to the library.

use crate::config::Config;

use tokio_util::sync::CancellationToken;

use super::{Context, Failure};
use crate::i18n::{T, fill};
use crate::store::{Durability, SqliteStore};

pub(super) fn daemon(
    ctx: &Context,
    bind: Option<std::net::SocketAddr>,
    no_http: bool,
) -> Result<(), Failure> {
    let config = std::sync::Arc::new(ctx.config()?);
    let lang = ctx.lang(&config);
    let db_path = super::context::absolute(&ctx.db_path(&config));
    ctx.open_store(&config, Durability::Full)?; // a clear error before anything starts
    // Idle or hostile clients must not take the descriptors the spool and the
    // database need: use all we may (the listener caps connections below it).
    let descriptors = crate::sys::raise_nofile_limit().unwrap_or(0);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(16)
        .build()
        .map_err(|e| Failure::Internal(format!("cannot start the runtime: {e}")))?;
    rt.block_on(async {
        let listener = if no_http {
            None
        } else {
            let addr = bind.unwrap_or(config.settings.http_bind);
            let l = crate::intake::server::bind(addr).map_err(|e| {
                Failure::User(fill(
                    T::CliCannotListen.get(lang),
                    &[("addr", &addr.to_string()), ("why", &e.to_string())],
                ))
            })?;
            Some(l)
        };
        let shutdown = CancellationToken::new();
        cancel_on_signal(&shutdown);
        let spool = super::context::absolute(&config.settings.spool_dir);
        let (spool, db) = (spool.display().to_string(), db_path.display().to_string());
        let announce = match &listener {
            Some(l) => fill(
                T::CliListening.get(lang),
                &[
                    (
                        "addr",
                        &l.local_addr().map(|a| a.to_string()).unwrap_or_default(),
                    ),
                    ("spool", &spool),
                    ("db", &db),
                    ("descriptors", &descriptors.to_string()),
                ],
            ),
            None => fill(
                T::CliListeningNoHttp.get(lang),
                &[("spool", &spool), ("db", &db)],
            ),
        };
        let d = crate::daemon::Daemon {
            config: config.clone(),
            db_path,
            clock: ctx.clock.clone(),
            actor: ctx.actor(),
            on_ready: Some(Box::new(move || warnln!("{announce}"))),
        };
        crate::daemon::run(d, listener, shutdown)
            .await
            .map_err(Failure::from)?;
        warnln!("{}", T::CliIntakeStopped.get(lang));
        Ok(())
    })
}

/// Cancel `shutdown` on SIGINT, SIGTERM or SIGHUP, from a task of the
/// current runtime; its handle lets a caller stop listening early.
fn cancel_on_signal(shutdown: &CancellationToken) -> tokio::task::JoinHandle<()> {
    let token = shutdown.clone();
    tokio::spawn(async move {
        wait_for_signal().await;
        token.cancel();
    })
}

async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    // SIGHUP too: a closed terminal must still stop cleanly (demo removes its files).
    match (
        signal(SignalKind::terminate()),
        signal(SignalKind::hangup()),
    ) {
        (Ok(mut term), Ok(mut hup)) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
                _ = hup.recv() => {}
            }
        }
        _ => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

pub(super) fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Internal(format!("cannot start the runtime: {e}")))
}

pub(super) fn console(
    ctx: &Context,
    config: std::sync::Arc<Config>,
    store: SqliteStore,
    clock: crate::clock::SharedClock,
    officer: Option<String>,
) -> crate::tui::Console {
    let mut actor = ctx.actor();
    actor.console = format!("tui:{}", std::process::id());
    actor.clock = clock.mode();
    if let Some(o) = &officer {
        actor.name = o.clone();
    }
    crate::tui::Console {
        lang: ctx.lang(&config),
        config,
        store,
        clock,
        actor,
        officer,
        station: super::context::station(),
        show: crate::tui::notify::desktop(),
    }
}

pub(super) fn tui(ctx: &Context, officer: Option<String>) -> Result<(), Failure> {
    let config = std::sync::Arc::new(ctx.config()?);
    if let Some(o) = officer
        .as_deref()
        .filter(|o| !config.officers.contains_key(*o))
    {
        return Err(Failure::User(fill(
            T::CliUnknownOfficer.get(ctx.lang(&config)),
            &[("id", o)],
        )));
    }
    let store = ctx.open_store(&config, Durability::Normal)?;
    let c = console(ctx, config.clone(), store, ctx.clock.clone(), officer);
    runtime()?.block_on(async {
        let shutdown = CancellationToken::new();
        cancel_on_signal(&shutdown);
        // An imported calendar reaches this console's header and rules
        // without a restart.
        tokio::spawn(crate::daemon::calendar_loop(
            config.clone(),
            ctx.clock.clone(),
            crate::daemon::CALENDAR_POLL,
            shutdown.clone(),
        ));
        // And a new pollution-source register (`sources import`).
        tokio::spawn(crate::daemon::register_loop(
            config,
            None,
            crate::daemon::CALENDAR_POLL,
            shutdown.clone(),
        ));
        crate::tui::run(c, shutdown).await.map_err(Failure::from)
    })
}

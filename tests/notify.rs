//! A desktop notification that blocks forever must not delay anything:
//! `notify` returns at once, the event loop keeps ticking, the failure is
//! reported once, and later notifications are dropped while one is stuck.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use gridwatch::tui::notify::{Notifier, ShowFn};
use tokio::sync::mpsc;

#[test]
fn a_notification_that_blocks_forever_delays_nothing() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let calls = Arc::new(AtomicUsize::new(0));
        let c = calls.clone();
        // A silent D-Bus: show() never returns.
        let show: ShowFn = Arc::new(move |_, _| {
            c.fetch_add(1, Ordering::SeqCst);
            loop {
                std::thread::park();
            }
        });
        let (tx, mut rx) = mpsc::unbounded_channel();
        let n = Notifier::new(show, Duration::from_millis(300), tx);
        let started = std::time::Instant::now();
        n.notify("Escalation breach #12".into(), "nobody on site".into());
        n.notify("second".into(), "dropped while the first is stuck".into());
        assert!(
            started.elapsed() < Duration::from_millis(50),
            "notify must not wait"
        );
        // The loop's tick still fires on time while the notification hangs.
        let tick = std::time::Instant::now();
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(tick.elapsed() < Duration::from_millis(200));
        let why = tokio::time::timeout(Duration::from_secs(5), rx.recv())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(why, "no answer within 0.3s");
        assert_eq!(
            calls.load(Ordering::SeqCst),
            1,
            "one stuck call, not one per alert"
        );
        n.notify("third".into(), "still dropped".into());
        assert!(
            tokio::time::timeout(Duration::from_millis(500), rx.recv())
                .await
                .is_err(),
            "reported only once"
        );
    });
    rt.shutdown_background();
}

#[test]
fn a_failing_desktop_is_reported_once() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let show: ShowFn = Arc::new(|_, _| Err("org.freedesktop.DBus.Error.ServiceUnknown".into()));
        let (tx, mut rx) = mpsc::unbounded_channel();
        let n = Notifier::new(show, Duration::from_secs(3), tx);
        n.notify("a".into(), "b".into());
        let why = tokio::time::timeout(Duration::from_secs(5), rx.recv())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(why, "org.freedesktop.DBus.Error.ServiceUnknown");
    });
}

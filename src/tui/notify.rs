//! Desktop notifications (notify-rust) without ever blocking the screen.
//!
//! A D-Bus that accepts but never answers was seen to block `show()` for over
//! a minute. So each notification runs on a blocking thread under a timeout;
//! while one is still stuck, new ones are dropped rather than piling up
//! threads (the bell and the banner still fire). The first failure or timeout
//! is reported once to the status line.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::mpsc;

/// How a notification is shown: the real desktop, or a stand-in in tests.
pub type ShowFn = Arc<dyn Fn(&str, &str) -> Result<(), String> + Send + Sync>;

pub fn desktop() -> ShowFn {
    Arc::new(|title: &str, body: &str| {
        notify_rust::Notification::new()
            .appname("gridwatch")
            .summary(title)
            .body(body)
            .show()
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
}

#[derive(Clone)]
pub struct Notifier {
    show: ShowFn,
    timeout: Duration,
    busy: Arc<AtomicBool>,
    reported: Arc<AtomicBool>,
    failures: mpsc::UnboundedSender<String>,
}

impl Notifier {
    /// `failures` receives one message the first time notifications fail.
    pub fn new(show: ShowFn, timeout: Duration, failures: mpsc::UnboundedSender<String>) -> Self {
        Notifier {
            show,
            timeout,
            busy: Arc::new(AtomicBool::new(false)),
            reported: Arc::new(AtomicBool::new(false)),
            failures,
        }
    }

    /// Fire and forget; returns at once.
    pub fn notify(&self, title: String, body: String) {
        if self.busy.swap(true, Ordering::SeqCst) {
            return; // one is still stuck: drop this one
        }
        let me = self.clone();
        tokio::spawn(async move {
            let show = me.show.clone();
            let busy = me.busy.clone();
            let job = tokio::task::spawn_blocking(move || {
                let r = show(&title, &body);
                busy.store(false, Ordering::SeqCst);
                r
            });
            let err = match tokio::time::timeout(me.timeout, job).await {
                Ok(Ok(Ok(()))) => None,
                Ok(Ok(Err(e))) => Some(e),
                Ok(Err(e)) => Some(e.to_string()),
                Err(_) => Some(format!("no answer within {:.1}s", me.timeout.as_secs_f64())),
            };
            if let Some(e) = err {
                if !me.reported.swap(true, Ordering::SeqCst) {
                    let _ = me.failures.send(e);
                }
            }
        });
    }
}

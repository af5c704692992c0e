//! The command sink: run a configured program for each escalation, e.g. an
//! SMS gateway script, with `{phone}`, `{name}`, `{message}`, `{id}` and
//! `{stage}` substituted into its arguments. Never through a shell. A run
//! that fails is retried with exponential back-off; a run that hangs is killed
//! at its timeout. Each attempt is recorded in the outbox.

use std::process::Stdio;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::io::AsyncReadExt;

use crate::config::AlertSettings;
use crate::domain::{Escalated, OutboxItem};

pub const SINK: &str = crate::domain::outbox::COMMAND_SINK;

/// The text of one alert: an automatic stage's words, or who escalated by
/// hand and their reason. A step of an incident names the incident (the
/// reason names the step and its due time) and marks a drill as such.
pub fn message(item: &OutboxItem) -> String {
    match item.about {
        Escalated::Step {
            incident_id, drill, ..
        } => format!(
            "[gridwatch] incident #{incident_id} {}{}",
            item.reason,
            if drill { "; DRILL" } else { "" }
        ),
        Escalated::Complaint { id } if item.automatic => {
            format!("[gridwatch] complaint #{id} {}", item.reason)
        }
        Escalated::Complaint { id } => format!(
            "[gridwatch] complaint #{id} escalated by hand by {}: {}",
            item.by, item.reason
        ),
    }
}

/// The id `{id}` stands for: the complaint's, or the incident's.
fn subject_id(item: &OutboxItem) -> i64 {
    match item.about {
        Escalated::Complaint { id } => id,
        Escalated::Step { incident_id, .. } => incident_id,
    }
}

/// The argv for one alert.
pub fn render(argv: &[String], item: &OutboxItem) -> Vec<String> {
    let message = message(item);
    argv.iter()
        .map(|a| {
            a.replace("{phone}", item.target_phone.as_deref().unwrap_or(""))
                .replace("{name}", item.target_name.as_deref().unwrap_or(""))
                .replace("{message}", &message)
                .replace("{id}", &subject_id(item).to_string())
                .replace("{stage}", &item.stage)
        })
        .collect()
}

/// Run the hook once: `Ok` on exit status 0, else why not.
pub async fn run(argv: &[String], timeout: Duration) -> Result<(), String> {
    let Some((program, args)) = argv.split_first() else {
        return Err("no command configured".into());
    };
    let mut child = tokio::process::Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        // Its own process group: what it starts is killed with it.
        .process_group(0)
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    let mut group = Group(child.id());
    let mut stderr = child.stderr.take();
    let waited = tokio::time::timeout(timeout, child.wait()).await;
    if matches!(waited, Ok(Ok(_))) {
        group.0 = None; // ended by itself; its group id may be reused now
    }
    match waited {
        Ok(Ok(status)) if status.success() => Ok(()),
        Ok(Ok(status)) => {
            let mut text = String::new();
            if let Some(s) = stderr.as_mut() {
                let mut buf = Vec::new();
                let _ = tokio::time::timeout(
                    Duration::from_millis(200),
                    s.take(4096).read_to_end(&mut buf),
                )
                .await;
                text = String::from_utf8_lossy(&buf)
                    .lines()
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string();
            }
            Err(if text.is_empty() {
                format!("{program} exited with {status}")
            } else {
                format!("{program} exited with {status}: {text}")
            })
        }
        Ok(Err(e)) => Err(format!("waiting for {program}: {e}")),
        Err(_) => {
            group.kill();
            let _ = child.start_kill();
            let _ = child.wait().await;
            Err(format!(
                "{program} timed out after {}s and was killed",
                timeout.as_secs_f64()
            ))
        }
    }
}

/// A hook's process group, killed whole when the hook is given up (timed
/// out, or its task dropped at shutdown): a shell script's `sleep` must not
/// outlive it.
struct Group(Option<u32>);

impl Group {
    fn kill(&mut self) {
        if let Some(pid) = self.0.take() {
            crate::sys::kill_group(pid);
        }
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        self.kill();
    }
}

/// When to try again after `attempts` failed attempts; `None` = give up.
pub fn next_attempt(
    settings: &AlertSettings,
    attempts: i64,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if attempts >= i64::from(settings.command_attempts) {
        return None;
    }
    let base = settings.retry_backoff.as_millis() as i64;
    let delay = base.saturating_mul(1 << attempts.clamp(0, 16)).min(300_000);
    Some(now + chrono::Duration::milliseconds(delay))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item() -> OutboxItem {
        OutboxItem {
            id: 1,
            escalation_id: 1,
            sink: SINK.into(),
            attempts: 0,
            about: Escalated::Complaint { id: 12 },
            stage: "breach".into(),
            automatic: true,
            by: "escalator".into(),
            target: Some("O018".into()),
            target_name: Some("蒋国栋".into()),
            target_phone: Some("13693817444".into()),
            reason: "breach: arrival deadline 09:42 passed and nobody on site".into(),
        }
    }

    #[test]
    fn placeholders_are_substituted_per_argument_without_a_shell() {
        let argv: Vec<String> = ["sms", "--to", "{phone}", "{name}: {message}; $(rm -rf /)"]
            .map(String::from)
            .to_vec();
        let out = render(&argv, &item());
        assert_eq!(out[2], "13693817444");
        assert_eq!(
            out[3],
            "蒋国栋: [gridwatch] complaint #12 breach: arrival deadline 09:42 passed and nobody on site; $(rm -rf /)"
        );
    }

    #[test]
    fn a_manual_escalation_says_who_escalated_and_why() {
        let mut manual = item();
        manual.stage = "manual".into();
        manual.automatic = false;
        manual.by = "duty".into();
        manual.reason = "smoke again; nobody answers".into();
        assert_eq!(
            message(&manual),
            "[gridwatch] complaint #12 escalated by hand by duty: smoke again; nobody answers"
        );
    }

    #[test]
    fn a_step_names_its_incident_and_a_drill_says_so() {
        let mut step = item();
        step.about = Escalated::Step {
            incident_id: 3,
            n: 2,
            drill: true,
        };
        step.reason = "breach: step 2 'Phone report to the city bureau': due 10:30 passed".into();
        assert_eq!(
            message(&step),
            "[gridwatch] incident #3 breach: step 2 'Phone report to the city bureau': due 10:30 passed; DRILL"
        );
        assert_eq!(render(&["{id}".to_string()], &step), ["3"]);
    }

    #[test]
    fn back_off_doubles_then_gives_up() {
        let s = AlertSettings {
            desktop: false,
            bell: false,
            command: vec![],
            command_timeout: Duration::from_secs(1),
            command_attempts: 3,
            retry_backoff: Duration::from_millis(1000),
        };
        let now = Utc::now();
        assert_eq!(
            next_attempt(&s, 1, now),
            Some(now + chrono::Duration::seconds(2))
        );
        assert_eq!(
            next_attempt(&s, 2, now),
            Some(now + chrono::Duration::seconds(4))
        );
        assert_eq!(next_attempt(&s, 3, now), None);
    }
}

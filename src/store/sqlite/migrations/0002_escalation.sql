-- 0002: escalations (exactly once per complaint and automatic stage), their
-- delivery outbox, and component heartbeats.

CREATE TABLE escalation (
    id                INTEGER PRIMARY KEY,
    complaint_id      INTEGER NOT NULL REFERENCES complaint(id),
    stage             TEXT NOT NULL,
    automatic         INTEGER NOT NULL CHECK (automatic IN (0, 1)),
    target_officer_id TEXT REFERENCES officer(id),
    at                INTEGER NOT NULL,
    by_actor          TEXT NOT NULL,
    console           TEXT NOT NULL,
    reason            TEXT NOT NULL,
    acknowledged_at   INTEGER,
    CHECK (automatic = 1 OR stage = 'manual')
) STRICT;
-- Exactly once however many evaluators run.
CREATE UNIQUE INDEX escalation_once ON escalation(complaint_id, stage) WHERE automatic = 1;
CREATE INDEX escalation_by_complaint ON escalation(complaint_id);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    escalation_id   INTEGER NOT NULL REFERENCES escalation(id),
    sink            TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    delivered_at    INTEGER,
    failed_at       INTEGER,
    last_error      TEXT,
    UNIQUE (escalation_id, sink)
) STRICT;
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

CREATE TABLE heartbeat (
    component TEXT PRIMARY KEY,
    pid       INTEGER NOT NULL,
    host      TEXT NOT NULL,
    at        INTEGER NOT NULL,
    started_at INTEGER NOT NULL
) STRICT;

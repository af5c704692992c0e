-- 0001: reference mirror, complaints, arrivals, dispatches, intake files, audit.
-- All instants are integer milliseconds since the Unix epoch, UTC.

CREATE TABLE grid (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
    parent_id TEXT,
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE officer (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    phone   TEXT NOT NULL,
    role    TEXT NOT NULL,
    grid_id TEXT,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE enterprise (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    grid_id       TEXT,
    control_level TEXT NOT NULL,
    address       TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE intake_file (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    bytes        INTEGER NOT NULL,
    rows_new     INTEGER NOT NULL DEFAULT 0,
    rows_dup     INTEGER NOT NULL DEFAULT 0,
    result       TEXT NOT NULL CHECK (result IN ('ok', 'rejected')),
    reason       TEXT,
    at           INTEGER NOT NULL
) STRICT;
-- A file accepted once is recognised when read again (crash between commit and rename).
CREATE UNIQUE INDEX intake_file_once ON intake_file(content_hash) WHERE result = 'ok';

CREATE TABLE complaint (
    id                 INTEGER PRIMARY KEY,
    source             TEXT NOT NULL CHECK (source IN ('hotline', 'phone', 'web', 'wechat', 'letter', 'visit', 'referral', 'media', 'self', 'monitoring')),
    external_ref       TEXT NOT NULL,
    received_at        INTEGER NOT NULL,
    regime             TEXT NOT NULL CHECK (regime IN ('workday_day', 'off_hours')),
    regime_reason      TEXT NOT NULL,
    day_kind           TEXT NOT NULL CHECK (day_kind IN ('workday', 'makeup_workday', 'weekend', 'holiday')),
    deadline_at        INTEGER NOT NULL,
    status             TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'dispatched', 'en_route', 'on_scene', 'handling', 'closed', 'reopened', 'merged', 'rejected')),
    outcome            TEXT CHECK (outcome IN ('violation_confirmed', 'rectified', 'no_violation', 'referred', 'other')),
    status_note        TEXT,
    round              INTEGER NOT NULL DEFAULT 1,
    grid_id            TEXT REFERENCES grid(id),
    grid_source        TEXT NOT NULL,
    enterprise_id      TEXT REFERENCES enterprise(id),
    categories         TEXT NOT NULL,
    description        TEXT NOT NULL,
    address            TEXT,
    lat                REAL,
    lon                REAL,
    reporter_name      TEXT,
    reporter_phone     TEXT,
    reporter_anonymous INTEGER NOT NULL DEFAULT 0 CHECK (reporter_anonymous IN (0, 1)),
    repeat_of          INTEGER REFERENCES complaint(id),
    merged_into        INTEGER REFERENCES complaint(id),
    raw_json           TEXT NOT NULL,
    intake_file_id     INTEGER REFERENCES intake_file(id),
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    UNIQUE (source, external_ref),
    CHECK (deadline_at > received_at),
    CHECK ((status = 'closed') = (outcome IS NOT NULL))
) STRICT;
CREATE INDEX complaint_by_status ON complaint(status, deadline_at);
CREATE INDEX complaint_by_grid ON complaint(grid_id, received_at);
CREATE INDEX complaint_by_enterprise ON complaint(enterprise_id, received_at);
CREATE INDEX complaint_by_repeat ON complaint(repeat_of) WHERE repeat_of IS NOT NULL;

-- The deadline and what it was computed from are frozen at intake.
CREATE TRIGGER complaint_deadline_frozen
BEFORE UPDATE OF received_at, regime, regime_reason, deadline_at ON complaint
BEGIN
    SELECT RAISE(ABORT, 'received_at, regime and deadline_at are written once');
END;

CREATE TABLE arrival (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint(id),
    round        INTEGER NOT NULL,
    officer_id   TEXT NOT NULL REFERENCES officer(id),
    arrived_at   INTEGER NOT NULL,
    logged_at    INTEGER NOT NULL,
    console      TEXT NOT NULL,
    note         TEXT,
    corrects     INTEGER REFERENCES arrival(id)
) STRICT;
-- One arrival per complaint and round (a reopened complaint needs a new one),
-- unless a row explicitly corrects an earlier one.
CREATE UNIQUE INDEX arrival_once ON arrival(complaint_id, round) WHERE corrects IS NULL;

CREATE TABLE dispatch (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint(id),
    officer_id   TEXT NOT NULL REFERENCES officer(id),
    at           INTEGER NOT NULL,
    console      TEXT NOT NULL
) STRICT;
CREATE INDEX dispatch_by_complaint ON dispatch(complaint_id);

CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    clock      TEXT NOT NULL CHECK (clock IN ('real', 'fixed', 'drill')),
    actor      TEXT NOT NULL,
    console    TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    details    TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_by_subject ON audit(subject, seq);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

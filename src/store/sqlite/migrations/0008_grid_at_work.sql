-- 0008: the grid at work (#11): swaps of the on-call roster made at a
-- console, inspections of pollution sources, leaders' township visits, and
-- shift handovers. Instants are integer milliseconds UTC, as everywhere.
--
-- Grids, officers and enterprises are reference data from config/ mirrored
-- by `init` (0001); the ids here are checked by the operations against the
-- configuration in force, not by foreign keys, because an enterprise
-- imported while the daemon runs may not be mirrored yet.

-- A dated change to the roster made at a console (a swap, leave): for one
-- shift of one grid, one role is held by `officer_id` instead. Merged over
-- the roster.toml pattern and its own overrides by everything that asks who
-- is on call. The latest row for (grid, shift, shift_date, role) wins; a
-- row is never updated or deleted (a swap back is a new row).
CREATE TABLE roster_override (
    id          INTEGER PRIMARY KEY,
    grid_id     TEXT NOT NULL,
    shift       TEXT NOT NULL,
    -- The local date the shift starts on (YYYY-MM-DD), as roster.toml names it.
    shift_date  TEXT NOT NULL CHECK (shift_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    role        TEXT NOT NULL CHECK (role IN ('primary', 'backup', 'leader')),
    officer_id  TEXT NOT NULL,
    -- Who held the role before the swap (as the merged roster had it), if anyone.
    replaces    TEXT,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at          INTEGER NOT NULL,
    by_actor    TEXT NOT NULL,
    console     TEXT NOT NULL
) STRICT;
CREATE INDEX roster_override_by_date ON roster_override(shift_date, grid_id, shift, role, id);
CREATE TRIGGER roster_override_no_update BEFORE UPDATE ON roster_override
BEGIN
    SELECT RAISE(ABORT, 'a roster override is never changed: record a new one');
END;
CREATE TRIGGER roster_override_no_delete BEFORE DELETE ON roster_override
BEGIN
    SELECT RAISE(ABORT, 'a roster override is never deleted: record a new one');
END;

-- An on-site inspection (现场检查) of a pollution source, with the fields of
-- the on-site inspection record.
CREATE TABLE inspection (
    id             INTEGER PRIMARY KEY,
    enterprise_id  TEXT NOT NULL,
    -- When the inspection took place (may be earlier than logged_at).
    at             INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('routine', 'special', 'complaint', 'referral')),
    result         TEXT NOT NULL CHECK (result IN ('ok', 'problem')),
    problems       TEXT,
    -- Local date by which the problems must be rectified (YYYY-MM-DD).
    rectify_by     TEXT,
    note           TEXT,
    -- The complaint that caused it, for kind 'complaint'.
    complaint_id   INTEGER REFERENCES complaint(id),
    logged_at      INTEGER NOT NULL,
    by_actor       TEXT NOT NULL,
    console        TEXT NOT NULL,
    CHECK (result = 'problem' OR rectify_by IS NULL)
) STRICT;
CREATE INDEX inspection_by_enterprise ON inspection(enterprise_id, at);

-- The officers who inspected (one or more; the first is the one who logged it).
CREATE TABLE inspection_officer (
    inspection_id  INTEGER NOT NULL REFERENCES inspection(id),
    officer_id     TEXT NOT NULL,
    PRIMARY KEY (inspection_id, officer_id)
) STRICT;
CREATE INDEX inspection_officer_by_officer ON inspection_officer(officer_id);

-- A leader's or enforcement officer's visit to a linked township, with its
-- work-log entry (工作日志).
CREATE TABLE visit (
    id          INTEGER PRIMARY KEY,
    grid_id     TEXT NOT NULL,
    officer_id  TEXT NOT NULL,
    at          INTEGER NOT NULL,
    note        TEXT NOT NULL CHECK (length(trim(note)) > 0),
    logged_at   INTEGER NOT NULL,
    by_actor    TEXT NOT NULL,
    console     TEXT NOT NULL
) STRICT;
CREATE INDEX visit_by_officer ON visit(officer_id, grid_id, at);

-- A shift handover (交接班), confirmed by the incoming officer: the sheet
-- of everything open at that instant, as Markdown, kept whole.
CREATE TABLE handover (
    id            INTEGER PRIMARY KEY,
    from_officer  TEXT NOT NULL,
    to_officer    TEXT NOT NULL,
    at            INTEGER NOT NULL,
    console       TEXT NOT NULL,
    note          TEXT,
    sheet         TEXT NOT NULL,
    by_actor      TEXT NOT NULL,
    CHECK (from_officer <> to_officer)
) STRICT;
CREATE INDEX handover_by_console ON handover(console, id);
CREATE TRIGGER handover_no_update BEFORE UPDATE ON handover
BEGIN
    SELECT RAISE(ABORT, 'a handover is a record: it is never changed');
END;
CREATE TRIGGER handover_no_delete BEFORE DELETE ON handover
BEGIN
    SELECT RAISE(ABORT, 'a handover is a record: it is never deleted');
END;

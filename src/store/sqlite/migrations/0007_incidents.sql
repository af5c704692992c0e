-- 0007: emergency incidents (#10), and escalations of their overdue steps.
--
-- An incident keeps a frozen copy of its plan: its name, report rules,
-- steps (with their due offsets), roles and needs are copied at opening and
-- never joined to the plan again, so editing a plan later changes nothing
-- that runs. Instants are integer milliseconds UTC, as everywhere.

CREATE TABLE incident (
    id                INTEGER PRIMARY KEY,
    plan_id           TEXT NOT NULL,
    kind              TEXT NOT NULL,
    name_en           TEXT NOT NULL,
    name_zh           TEXT NOT NULL,
    -- 'unknown' until determined; then the six answers decide the deadlines.
    level             TEXT NOT NULL CHECK (level IN ('I', 'II', 'III', 'IV', 'unknown')),
    q_drinking_water  INTEGER NOT NULL DEFAULT 0 CHECK (q_drinking_water IN (0, 1)),
    q_sensitive_people INTEGER NOT NULL DEFAULT 0 CHECK (q_sensitive_people IN (0, 1)),
    q_heavy_metals    INTEGER NOT NULL DEFAULT 0 CHECK (q_heavy_metals IN (0, 1)),
    q_cross_border    INTEGER NOT NULL DEFAULT 0 CHECK (q_cross_border IN (0, 1)),
    q_mass_impact     INTEGER NOT NULL DEFAULT 0 CHECK (q_mass_impact IN (0, 1)),
    q_bureau_decides  INTEGER NOT NULL DEFAULT 0 CHECK (q_bureau_decides IN (0, 1)),
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stable', 'closed')),
    drill             INTEGER NOT NULL CHECK (drill IN (0, 1)),
    grid_id           TEXT NOT NULL REFERENCES grid(id),
    place             TEXT,
    complaint_id      INTEGER REFERENCES complaint(id),
    summary           TEXT,
    discovered_at     INTEGER NOT NULL,
    opened_at         INTEGER NOT NULL,
    first_on_scene_at INTEGER,
    closed_at         INTEGER,
    -- The plan's report rules, frozen: the initial report's DueOffsets as
    -- JSON ({"minutes":240,"by_level":{"I":120,"II":120}}), and the final
    -- report's minutes after closing (NULL: no deadline).
    report_initial    TEXT NOT NULL,
    report_final_after_close_minutes INTEGER,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
    CHECK (level = 'unknown' OR (q_drinking_water + q_sensitive_people + q_heavy_metals
        + q_cross_border + q_mass_impact + q_bureau_decides) = 0)
) STRICT;
CREATE INDEX incident_by_status ON incident(status, discovered_at);
CREATE INDEX incident_by_complaint ON incident(complaint_id) WHERE complaint_id IS NOT NULL;

-- Discovery decides every due time; it is written once.
CREATE TRIGGER incident_discovery_frozen
BEFORE UPDATE OF discovered_at, opened_at, plan_id, report_initial ON incident
BEGIN
    SELECT RAISE(ABORT, 'discovered_at, opened_at, the plan and its report rules are written once');
END;

CREATE TABLE incident_step (
    id             INTEGER PRIMARY KEY,
    incident_id    INTEGER NOT NULL REFERENCES incident(id),
    n              INTEGER NOT NULL CHECK (n >= 1),
    text_en        TEXT NOT NULL,
    text_zh        TEXT NOT NULL,
    role           TEXT,
    -- A plan step's DueOffsets as JSON, frozen; NULL for a step added ad hoc
    -- (its due_at was given).
    due            TEXT,
    due_at         INTEGER NOT NULL,
    state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'skipped')),
    -- When and by whom it was done or skipped.
    done_at        INTEGER,
    done_by        TEXT,
    note           TEXT,
    skipped_reason TEXT,
    ad_hoc         INTEGER NOT NULL CHECK (ad_hoc IN (0, 1)),
    UNIQUE (incident_id, n),
    CHECK ((state = 'open') = (done_at IS NULL)),
    CHECK ((state = 'open') = (done_by IS NULL)),
    CHECK ((state = 'skipped') = (skipped_reason IS NOT NULL)),
    CHECK ((ad_hoc = 1) = (due IS NULL))
) STRICT;
-- The escalator reads open steps by due time.
CREATE INDEX incident_step_open ON incident_step(due_at) WHERE state = 'open';

-- The plan's roles with their counts, frozen.
CREATE TABLE incident_role (
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    position    INTEGER NOT NULL CHECK (position >= 0),
    role        TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    count       INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (incident_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE incident_person (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    officer_id  TEXT NOT NULL REFERENCES officer(id),
    role        TEXT NOT NULL CHECK (role <> ''),
    status      TEXT NOT NULL CHECK (status IN ('requested', 'notified', 'en_route', 'on_scene', 'released')),
    at          INTEGER NOT NULL,
    UNIQUE (incident_id, officer_id, role)
) STRICT;

-- When each assignment reached each status (forward only: once each).
CREATE TABLE incident_person_status (
    person_id INTEGER NOT NULL REFERENCES incident_person(id),
    status    TEXT NOT NULL CHECK (status IN ('requested', 'notified', 'en_route', 'on_scene', 'released')),
    at        INTEGER NOT NULL,
    by_actor  TEXT NOT NULL,
    PRIMARY KEY (person_id, status)
) STRICT, WITHOUT ROWID;

-- The plan's equipment and materials with quantities, frozen.
CREATE TABLE incident_item_need (
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    position    INTEGER NOT NULL CHECK (position >= 0),
    item        TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (incident_id, position)
) STRICT, WITHOUT ROWID;

-- Every movement of equipment or materials: what a depot holds now is its
-- counted stock minus what left since (computed, never stored).
CREATE TABLE incident_item_move (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    item        TEXT NOT NULL,
    depot       TEXT,
    movement    TEXT NOT NULL CHECK (movement IN ('requested', 'dispatched', 'returned')),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    at          INTEGER NOT NULL,
    by_actor    TEXT NOT NULL,
    CHECK (movement = 'requested' OR depot IS NOT NULL)
) STRICT;
CREATE INDEX incident_item_move_by_incident ON incident_item_move(incident_id, item);

CREATE TABLE incident_report (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    kind        TEXT NOT NULL CHECK (kind IN ('initial', 'follow_up', 'final')),
    due_at      INTEGER,
    sent_at     INTEGER,
    sent_by     TEXT,
    sent_to     TEXT,
    CHECK ((sent_at IS NULL) = (sent_by IS NULL)),
    CHECK ((sent_at IS NULL) = (sent_to IS NULL))
) STRICT;
-- One initial report, and one final report, per incident.
CREATE UNIQUE INDEX incident_report_once ON incident_report(incident_id, kind) WHERE kind <> 'follow_up';

-- Facts for the reports as they became known; the latest of each counts.
CREATE TABLE incident_fact (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incident(id),
    fact        TEXT NOT NULL CHECK (fact IN ('cause', 'course', 'pollutants', 'monitoring', 'casualties', 'impact', 'trend')),
    text        TEXT NOT NULL,
    at          INTEGER NOT NULL,
    by_actor    TEXT NOT NULL
) STRICT;
CREATE INDEX incident_fact_by_incident ON incident_fact(incident_id, fact, id);

-- Escalations are of a complaint or of an incident's step, never both, so
-- steps share the stages, the outbox and the hook. The table is rebuilt
-- (complaint_id becomes nullable); outbox rows reference it, so foreign
-- keys are checked at commit: the rows are kept aside, the table dropped
-- and made anew, and the rows put back (which satisfies the outbox again).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE escalation_kept AS SELECT * FROM escalation;
DROP TABLE escalation;

CREATE TABLE escalation (
    id                INTEGER PRIMARY KEY,
    complaint_id      INTEGER REFERENCES complaint(id),
    step_id           INTEGER REFERENCES incident_step(id),
    stage             TEXT NOT NULL,
    automatic         INTEGER NOT NULL CHECK (automatic IN (0, 1)),
    target_officer_id TEXT REFERENCES officer(id),
    at                INTEGER NOT NULL,
    by_actor          TEXT NOT NULL,
    console           TEXT NOT NULL,
    reason            TEXT NOT NULL,
    skipped           INTEGER NOT NULL DEFAULT 0
        CHECK (skipped IN (0, 1) AND (skipped = 0 OR automatic = 1)),
    CHECK (automatic = 1 OR stage = 'manual'),
    CHECK ((complaint_id IS NULL) <> (step_id IS NULL))
) STRICT;

INSERT INTO escalation (id, complaint_id, step_id, stage, automatic, target_officer_id, at, by_actor, console, reason, skipped)
SELECT id, complaint_id, NULL, stage, automatic, target_officer_id, at, by_actor, console, reason, skipped
FROM escalation_kept;
DROP TABLE escalation_kept;

-- Exactly once however many evaluators run: per complaint and per step.
CREATE UNIQUE INDEX escalation_once ON escalation(complaint_id, stage) WHERE automatic = 1;
CREATE UNIQUE INDEX escalation_step_once ON escalation(step_id, stage) WHERE automatic = 1;
CREATE INDEX escalation_by_complaint ON escalation(complaint_id);
CREATE INDEX escalation_by_step ON escalation(step_id) WHERE step_id IS NOT NULL;

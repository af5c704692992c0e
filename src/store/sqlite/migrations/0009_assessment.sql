-- 0009: assessment (#12). One narrow row per complaint with what the
-- statistics and `report` count, kept by triggers so that every writer
-- (daemon, consoles, CLI) keeps it true without knowing it exists; and the
-- outflow sections' water-quality readings.
--
-- complaint_fact is read by range of received_at (its primary key), never
-- joined: a report over a million complaints is one sequential scan of
-- small rows. `rev` says which rows changed since a console last looked
-- (fact_seq is bumped on every refresh), so the Statistics screen re-reads
-- only the days that changed.

CREATE TABLE fact_seq (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    n   INTEGER NOT NULL
) STRICT;
INSERT INTO fact_seq (one, n) VALUES (1, 0);

CREATE TABLE complaint_fact (
    received_at   INTEGER NOT NULL,
    id            INTEGER NOT NULL,
    grid_id       TEXT,
    enterprise_id TEXT,
    source        TEXT NOT NULL,
    regime        TEXT NOT NULL,
    day_kind      TEXT NOT NULL,
    status        TEXT NOT NULL,
    round         INTEGER NOT NULL,
    deadline_at   INTEGER NOT NULL,
    -- The first arrival of round 1 that no later row corrects (NULL: none).
    arrived_at    INTEGER,
    repeat_of     INTEGER,
    -- Comma-joined, in the complaint's order.
    categories    TEXT NOT NULL,
    -- Comma-joined escalation stages; a skipped stage ends in '~'.
    escalations   TEXT NOT NULL,
    rev           INTEGER NOT NULL,
    PRIMARY KEY (received_at, id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX complaint_fact_by_id ON complaint_fact(id);
-- complaint_fact_source asks, for every arrival, whether a later row
-- corrects it: without this index each refresh scans every arrival.
CREATE INDEX arrival_by_corrects ON arrival(corrects) WHERE corrects IS NOT NULL;
CREATE INDEX complaint_fact_by_rev ON complaint_fact(rev);

-- What a complaint's fact row is, from the tables of record.
CREATE VIEW complaint_fact_source AS
SELECT c.received_at, c.id, c.grid_id, c.enterprise_id, c.source, c.regime, c.day_kind,
       c.status, c.round, c.deadline_at,
       (SELECT MIN(a.arrived_at) FROM arrival a
         WHERE a.complaint_id = c.id AND a.round = 1
           AND NOT EXISTS (SELECT 1 FROM arrival b WHERE b.corrects = a.id)) AS arrived_at,
       c.repeat_of,
       IFNULL((SELECT group_concat(category, ',') FROM
                 (SELECT category FROM complaint_category
                   WHERE complaint_id = c.id ORDER BY position)), '') AS categories,
       IFNULL((SELECT group_concat(stage || CASE WHEN skipped = 1 THEN '~' ELSE '' END, ',')
                 FROM (SELECT stage, skipped FROM escalation
                        WHERE complaint_id = c.id ORDER BY id)), '') AS escalations
FROM complaint c;

INSERT INTO complaint_fact
SELECT f.*, 0 FROM complaint_fact_source f;

-- Every refresh is the same three statements, for the complaint in question.
CREATE TRIGGER fact_complaint_insert AFTER INSERT ON complaint
BEGIN
    UPDATE fact_seq SET n = n + 1;
    DELETE FROM complaint_fact WHERE id = NEW.id;
    INSERT INTO complaint_fact SELECT f.*, (SELECT n FROM fact_seq)
      FROM complaint_fact_source f WHERE f.id = NEW.id;
END;

CREATE TRIGGER fact_complaint_update AFTER UPDATE ON complaint
BEGIN
    UPDATE fact_seq SET n = n + 1;
    DELETE FROM complaint_fact WHERE id = NEW.id;
    INSERT INTO complaint_fact SELECT f.*, (SELECT n FROM fact_seq)
      FROM complaint_fact_source f WHERE f.id = NEW.id;
END;

CREATE TRIGGER fact_complaint_delete AFTER DELETE ON complaint
BEGIN
    UPDATE fact_seq SET n = n + 1;
    DELETE FROM complaint_fact WHERE id = OLD.id;
END;

CREATE TRIGGER fact_arrival_insert AFTER INSERT ON arrival
BEGIN
    UPDATE fact_seq SET n = n + 1;
    DELETE FROM complaint_fact WHERE id = NEW.complaint_id;
    INSERT INTO complaint_fact SELECT f.*, (SELECT n FROM fact_seq)
      FROM complaint_fact_source f WHERE f.id = NEW.complaint_id;
END;

CREATE TRIGGER fact_arrival_update AFTER UPDATE ON arrival
BEGIN
    UPDATE fact_seq SET n = n + 1;
    DELETE FROM complaint_fact WHERE id IN (OLD.complaint_id, NEW.complaint_id);
    INSERT INTO complaint_fact SELECT f.*, (SELECT n FROM fact_seq)
      FROM complaint_fact_source f WHERE f.id IN (OLD.complaint_id, NEW.complaint_id);
END;

CREATE TRIGGER fact_category_insert AFTER INSERT ON complaint_category
BEGIN
    UPDATE fact_seq SET n = n + 1;
    DELETE FROM complaint_fact WHERE id = NEW.complaint_id;
    INSERT INTO complaint_fact SELECT f.*, (SELECT n FROM fact_seq)
      FROM complaint_fact_source f WHERE f.id = NEW.complaint_id;
END;

CREATE TRIGGER fact_category_delete AFTER DELETE ON complaint_category
BEGIN
    UPDATE fact_seq SET n = n + 1;
    DELETE FROM complaint_fact WHERE id = OLD.complaint_id;
    INSERT INTO complaint_fact SELECT f.*, (SELECT n FROM fact_seq)
      FROM complaint_fact_source f WHERE f.id = OLD.complaint_id;
END;

CREATE TRIGGER fact_escalation_insert AFTER INSERT ON escalation
WHEN NEW.complaint_id IS NOT NULL
BEGIN
    UPDATE fact_seq SET n = n + 1;
    DELETE FROM complaint_fact WHERE id = NEW.complaint_id;
    INSERT INTO complaint_fact SELECT f.*, (SELECT n FROM fact_seq)
      FROM complaint_fact_source f WHERE f.id = NEW.complaint_id;
END;

-- Outflow sections' water quality (出境断面水质, GB 3838-2002). The
-- sections and their target classes are configuration (sections.toml);
-- the readings are records. class: 1–5 = I–V, 6 = 劣V (worse than V).
-- params: the concentrations given, as JSON {"code": value}, '{}' when
-- only a class was given; worst: the parameter that set the class.
-- One reading per section and sampling instant: importing a file twice
-- records nothing twice.
CREATE TABLE water_reading (
    id          INTEGER PRIMARY KEY,
    section_id  TEXT NOT NULL CHECK (section_id <> ''),
    sampled_at  INTEGER NOT NULL,
    class       INTEGER NOT NULL CHECK (class BETWEEN 1 AND 6),
    params      TEXT NOT NULL DEFAULT '{}',
    worst       TEXT,
    origin      TEXT NOT NULL,
    at          INTEGER NOT NULL,
    by_actor    TEXT NOT NULL,
    console     TEXT NOT NULL,
    UNIQUE (section_id, sampled_at)
) STRICT;
CREATE INDEX water_reading_by_time ON water_reading(sampled_at);

CREATE TRIGGER water_reading_no_update BEFORE UPDATE ON water_reading
BEGIN
    SELECT RAISE(ABORT, 'water readings are append-only');
END;
CREATE TRIGGER water_reading_no_delete BEFORE DELETE ON water_reading
BEGIN
    SELECT RAISE(ABORT, 'water readings are append-only');
END;

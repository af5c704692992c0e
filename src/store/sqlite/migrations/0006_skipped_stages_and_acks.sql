-- 0006: stages skipped, and alerts acknowledged for every console.
--
-- A complaint already late when it is first evaluated fires only its latest
-- due stage; the earlier ones are recorded with skipped = 1. They keep the
-- exactly-once key (escalation_once), so a skipped stage can never fire
-- later, and statistics can count them. Only automatic stages are skipped.
ALTER TABLE escalation ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0
    CHECK (skipped IN (0, 1) AND (skipped = 0 OR automatic = 1));

-- Acknowledging an alert banner is shared: one row per alert, saying who
-- acknowledged it, where and when (its audit record is written with it).
-- It replaces escalation.acknowledged_at, which nothing ever wrote.
ALTER TABLE escalation DROP COLUMN acknowledged_at;

CREATE TABLE alert_ack (
    id           INTEGER PRIMARY KEY,
    -- 'escalation': ref_id is an escalation; 'new_complaint': ref_id is the complaint.
    kind         TEXT NOT NULL CHECK (kind IN ('escalation', 'new_complaint')),
    ref_id       INTEGER NOT NULL,
    complaint_id INTEGER NOT NULL REFERENCES complaint(id),
    at           INTEGER NOT NULL,
    by_actor     TEXT NOT NULL,
    console      TEXT NOT NULL,
    UNIQUE (kind, ref_id)
) STRICT;
CREATE INDEX alert_ack_by_complaint ON alert_ack(complaint_id);

-- 0005: a complaint's categories in their own table, one row each in the
-- order given (position 0 is its Open311 service code), instead of
-- comma-joined text matched with instr()/LIKE. Every read goes through a
-- complaint's id (the primary key); an index by category is for the
-- statistics that will need it.
CREATE TABLE complaint_category (
    complaint_id INTEGER NOT NULL REFERENCES complaint(id),
    position     INTEGER NOT NULL CHECK (position >= 0),
    category     TEXT NOT NULL CHECK (category <> ''),
    PRIMARY KEY (complaint_id, position)
) STRICT, WITHOUT ROWID;

WITH RECURSIVE split(id, pos, rest, cat) AS (
    SELECT id, -1, categories || ',', NULL FROM complaint
    UNION ALL
    SELECT id, pos + 1, substr(rest, instr(rest, ',') + 1), substr(rest, 1, instr(rest, ',') - 1)
    FROM split WHERE rest <> ''
)
INSERT INTO complaint_category (complaint_id, position, category)
SELECT id, pos, cat FROM split WHERE pos >= 0 AND cat <> '';

ALTER TABLE complaint DROP COLUMN categories;

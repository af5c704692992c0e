-- 0004: the daemon's heartbeat names the database and the spool it works on,
-- as absolute paths, so `status`, `submit` and every console can tell
-- whether a live daemon uses the same files as they do (relative paths in
-- gridwatch.toml resolve against each process's working directory).
ALTER TABLE heartbeat ADD COLUMN db_path TEXT;
ALTER TABLE heartbeat ADD COLUMN spool_dir TEXT;
-- A clean stop says so: consoles show STOPPED at once instead of OK until
-- the heartbeat goes stale.
ALTER TABLE heartbeat ADD COLUMN stopped_at INTEGER;

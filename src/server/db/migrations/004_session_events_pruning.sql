-- Stored live events are pruned by age (see pruneSessionEvents): find old ones without a scan.
CREATE INDEX session_events_created_idx ON session_events (created_at);

-- Retention: idle sessions end by themselves, ended ones are deleted after the retention period,
-- and expired sign-ins are purged (see plugins/housekeeping.plugin.ts).

-- When anything last happened in a session: a teacher's action, a join, an answer. Sessions
-- from before this migration count from their newest answer or join, else from their start.
ALTER TABLE class_sessions ADD COLUMN last_activity_at timestamptz NOT NULL DEFAULT now();
UPDATE class_sessions s SET last_activity_at = greatest(
  s.created_at,
  (SELECT max(a.updated_at) FROM answers a WHERE a.session_id = s.id),
  (SELECT max(p.joined_at) FROM participants p WHERE p.session_id = s.id)
);

-- The sweep finds idle open sessions, ended sessions past retention and expired sign-ins
-- without a scan.
CREATE INDEX class_sessions_open_activity_idx ON class_sessions (last_activity_at)
  WHERE status = 'open';
CREATE INDEX class_sessions_ended_idx ON class_sessions (ended_at) WHERE status = 'ended';
CREATE INDEX auth_sessions_expires_idx ON auth_sessions (expires_at);
CREATE INDEX password_resets_expires_idx ON password_resets (expires_at);

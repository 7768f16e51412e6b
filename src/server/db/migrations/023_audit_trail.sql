-- The audit trail (issue 25): who did what to whose data, when, and from which address, kept
-- longer than the data it describes (AUDIT_RETENTION_DAYS). Nothing here references another
-- table: a row outlives the teacher, the session and the student it names. It names them only by
-- keyed hashes (services/audit-trail.ts), never by their ids, e-mails, names or answers, so once
-- they are deleted the row names nobody.
CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL CHECK (actor_kind IN ('teacher', 'admin', 'system')),
  -- A keyed hash of the account's id; null for the system, or a sign-in to an unknown e-mail.
  actor_ref text CHECK (actor_ref ~ '^[0-9a-f]{32}$'),
  action text NOT NULL CHECK (action ~ '^[a-z][a-z_]{2,40}$'),
  session_ref text CHECK (session_ref ~ '^[0-9a-f]{32}$'),
  student_ref text CHECK (student_ref ~ '^[0-9a-f]{32}$'),
  -- A keyed hash of the client's address: the same address gives the same hash.
  address_hash text CHECK (address_hash ~ '^[0-9a-f]{32}$'),
  -- A short code the server writes (what was exported, a setting's new value), never user text.
  detail text CHECK (char_length(detail) <= 200)
);
CREATE INDEX audit_events_at_idx ON audit_events (at);

-- How long audit rows are kept, written by the server at start (AUDIT_RETENTION_DAYS): the
-- trigger below lets only rows older than this be deleted. One row.
CREATE TABLE audit_retention (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  days integer NOT NULL CHECK (days > 0)
);

-- Append-only, enforced by the database as well as by the code having no way to change a row:
-- an UPDATE is refused, and a DELETE of a row younger than the retention (3650 days, the most
-- AUDIT_RETENTION_DAYS allows, until the server has written its setting).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'audit_events is append-only: a row cannot be changed';
  END IF;
  IF OLD.at > now() - make_interval(days => coalesce((SELECT days FROM audit_retention), 3650)) THEN
    RAISE EXCEPTION 'audit_events is append-only: a row younger than the audit retention cannot be deleted';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE FUNCTION audit_events_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: it cannot be truncated';
END;
$$;
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_no_truncate();

-- Teachers' sign-ins end after SIGN_IN_IDLE_HOURS without use (plugins/auth.ts writes this at
-- most once a minute per sign-in) and SIGN_IN_MAX_DAYS in all (expires_at).
ALTER TABLE auth_sessions ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX auth_sessions_last_used_idx ON auth_sessions (last_used_at);

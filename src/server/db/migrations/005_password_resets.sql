-- One-time links to set a new password (made by the admin command or sent by e-mail).
-- Only a hash of each link's token is kept, as for sign-in sessions.

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_resets_teacher_idx ON password_resets (teacher_id);

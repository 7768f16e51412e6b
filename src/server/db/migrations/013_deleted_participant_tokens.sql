-- A deleted student's device still holds its cookie. Only the hash of that cookie's token is
-- kept, with the session, so the device can be told that the teacher deleted the student rather
-- than that it was signed out by a rejoin elsewhere: it names no one, and goes with the session.
CREATE TABLE deleted_participant_tokens (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  PRIMARY KEY (session_id, token_hash)
);

-- How classmates appear to each other on the wall (names, pseudonyms or anonymous) replaces the
-- show_names flag, and students reply to each other's responses.

ALTER TABLE class_sessions ADD COLUMN wall_identity text NOT NULL DEFAULT 'anonymous'
  CHECK (wall_identity IN ('names', 'pseudonyms', 'anonymous'));
UPDATE class_sessions SET wall_identity = CASE WHEN show_names THEN 'names' ELSE 'anonymous' END;
-- Dropped rather than kept unused: wall_identity says everything it said, and a column that
-- nothing reads would only mislead whoever reads the data inventory.
ALTER TABLE class_sessions DROP COLUMN show_names;

-- A reply answers one response: the answer of response_participant_id to item_id. It goes
-- with that answer, with its author and with the session.
CREATE TABLE wall_replies (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  response_participant_id uuid NOT NULL,
  author_participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('builds-on', 'challenges', 'asks')),
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 280),
  is_hidden boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (response_participant_id, item_id)
    REFERENCES answers (participant_id, item_id) ON DELETE CASCADE
);
CREATE INDEX wall_replies_session_idx ON wall_replies (session_id, created_at);
CREATE INDEX wall_replies_response_idx ON wall_replies (response_participant_id, item_id);
CREATE INDEX wall_replies_author_idx ON wall_replies (author_participant_id);

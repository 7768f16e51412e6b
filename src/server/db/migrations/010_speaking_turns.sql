-- Who spoke in a spoken discussion: the teacher records each turn as it happens, optionally
-- with its kind (new idea, builds on, challenges, question). The monitor shows each student's
-- share; the report and its CSV keep the counts.

CREATE TABLE speaking_turns (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  kind text CHECK (kind IN ('new-idea', 'builds-on', 'challenges', 'question')),
  -- The section the class was on, so the report can say where the talk happened.
  section_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX speaking_turns_session_idx ON speaking_turns (session_id, created_at);
CREATE INDEX speaking_turns_participant_idx ON speaking_turns (participant_id);

-- The teacher's feedback on a student's writing task (a lesson item of kind "writing"): the points
-- given for each rubric criterion and a comment. The student sees it once released_at is set.

CREATE TABLE writing_feedback (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  -- Rubric criterion id to the points given.
  scores jsonb NOT NULL,
  comment text NOT NULL,
  released_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (participant_id, item_id)
);
CREATE INDEX writing_feedback_session_idx ON writing_feedback (session_id);

-- Class statements (a lesson item of kind "statements"): short statements students write, or
-- the lesson seeds, and each student's vote on their classmates'. The opinion map computed from
-- the votes is kept so that its groups keep their labels from one computation to the next,
-- across a restart too.

CREATE TABLE class_statements (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  -- The student who wrote it; null for a statement of the lesson (seed_id says which).
  author_id uuid REFERENCES participants (id) ON DELETE CASCADE,
  seed_id text,
  text text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'shown', 'hidden')),
  -- How many students voted on it, brought up to date with each drawing of the map: the next
  -- statement a student is offered is the least voted, and counting the votes on every request
  -- would read them all.
  votes integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, item_id, seed_id)
);
CREATE INDEX class_statements_item_idx ON class_statements (session_id, item_id);
CREATE INDEX class_statements_author_idx ON class_statements (author_id);

CREATE TABLE statement_votes (
  statement_id uuid NOT NULL REFERENCES class_statements (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  -- 1 agree, -1 disagree, 0 pass.
  vote smallint NOT NULL CHECK (vote IN (-1, 0, 1)),
  voted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (statement_id, participant_id)
);
CREATE INDEX statement_votes_item_idx ON statement_votes (session_id, item_id);
CREATE INDEX statement_votes_participant_idx ON statement_votes (participant_id);

CREATE TABLE opinion_maps (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  map jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, item_id)
);

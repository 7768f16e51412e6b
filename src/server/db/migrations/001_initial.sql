-- Teachers, their sign-in sessions, class sessions, participants, answers and the event log.

CREATE TABLE teachers (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX teachers_email_key ON teachers (lower(email));

CREATE TABLE auth_sessions (
  token_hash text PRIMARY KEY,
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX auth_sessions_teacher_idx ON auth_sessions (teacher_id);

CREATE TABLE class_sessions (
  id uuid PRIMARY KEY,
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  lesson_id text NOT NULL,
  mode text NOT NULL CHECK (mode IN ('teacher-paced', 'self-paced')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'ended')),
  join_code text NOT NULL,
  current_section_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz
);
-- A code is unique among open sessions; an ended session's code may be dealt again.
CREATE UNIQUE INDEX class_sessions_open_code_key ON class_sessions (join_code) WHERE status = 'open';
CREATE INDEX class_sessions_teacher_idx ON class_sessions (teacher_id, created_at DESC);

CREATE TABLE item_states (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'open', 'closed')),
  is_revealed boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, item_id)
);

CREATE TABLE section_summaries (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  section_id text NOT NULL,
  text text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, section_id)
);

CREATE TABLE participants (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  display_name text NOT NULL,
  name_number integer NOT NULL,
  token_hash text NOT NULL UNIQUE,
  current_section_id text,
  joined_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX participants_session_idx ON participants (session_id);

CREATE TABLE answers (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  submission_id uuid NOT NULL,
  revision integer NOT NULL,
  answer jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (participant_id, item_id)
);
CREATE INDEX answers_session_item_idx ON answers (session_id, item_id);

-- Every event a client may need to catch up on after a reconnect (Last-Event-ID).
CREATE TABLE session_events (
  id bigserial PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  audience text NOT NULL,
  participant_id uuid,
  event jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_events_session_idx ON session_events (session_id, id);

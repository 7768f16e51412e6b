-- Forecasts that live past the lesson (issue 26): classes of sessions, every version of a
-- student's forecast with its reason, the teacher's resolution of each scenario, teams and an
-- opt-in leaderboard. Everything about a student goes with them (ON DELETE CASCADE).

CREATE TABLE classes (
  id uuid PRIMARY KEY,
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX classes_teacher_idx ON classes (teacher_id, created_at);

ALTER TABLE class_sessions ADD COLUMN class_id uuid REFERENCES classes (id) ON DELETE SET NULL;
CREATE INDEX class_sessions_class_idx ON class_sessions (class_id);
ALTER TABLE class_sessions ADD COLUMN leaderboard text NOT NULL DEFAULT 'off'
  CHECK (leaderboard IN ('off', 'pseudonyms', 'names'));

ALTER TABLE participants ADD COLUMN leaderboard_opt_in boolean NOT NULL DEFAULT false;

-- Only what the teacher changed about a question: its close date (null: the default rule).
CREATE TABLE forecast_questions (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  closes_on date,
  PRIMARY KEY (session_id, item_id)
);

-- One row per version. The in-class version is replaced while the session is open; updates
-- on the forecasts page are appended.
CREATE TABLE forecast_versions (
  id bigserial PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  participant_id uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  probabilities jsonb NOT NULL,
  reason text CHECK (reason IS NULL OR char_length(reason) BETWEEN 1 AND 280),
  in_class boolean NOT NULL DEFAULT false,
  made_at timestamptz NOT NULL
);
CREATE INDEX forecast_versions_session_item_idx
  ON forecast_versions (session_id, item_id, made_at, id);
CREATE INDEX forecast_versions_participant_idx ON forecast_versions (participant_id, item_id);

CREATE TABLE scenario_resolutions (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  scenario_id text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('yes', 'no', 'annulled')),
  resolved_on date NOT NULL,
  source_url text,
  resolved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, item_id, scenario_id)
);

CREATE TABLE forecast_teams (
  id uuid PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60)
);
CREATE INDEX forecast_teams_session_idx ON forecast_teams (session_id);

-- A student is in at most one team.
CREATE TABLE forecast_team_members (
  team_id uuid NOT NULL REFERENCES forecast_teams (id) ON DELETE CASCADE,
  participant_id uuid PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE
);
CREATE INDEX forecast_team_members_team_idx ON forecast_team_members (team_id);
-- The one in-class version of a student's forecast, replaced as they answer again in class.
CREATE UNIQUE INDEX forecast_versions_in_class_idx
  ON forecast_versions (participant_id, item_id) WHERE in_class;

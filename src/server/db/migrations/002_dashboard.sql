-- The teacher dashboard: moderation of open responses, whether names show to the class, and
-- the forecast outcomes a teacher has revealed (possibly edited from the lesson's).

ALTER TABLE answers ADD COLUMN is_hidden boolean NOT NULL DEFAULT false;
ALTER TABLE answers ADD COLUMN is_spotlighted boolean NOT NULL DEFAULT false;

ALTER TABLE class_sessions ADD COLUMN show_names boolean NOT NULL DEFAULT false;

CREATE TABLE forecast_outcomes (
  session_id uuid NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  item_id text NOT NULL,
  outcomes jsonb NOT NULL,
  revealed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, item_id)
);

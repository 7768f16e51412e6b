-- The lesson library: the built-in lessons (seeded at start-up from their files, owner NULL) and
-- each teacher's own, each with at most one draft and immutable published versions. A session
-- pins the version it started with (see lessons/lesson-library.ts).

CREATE TABLE lessons (
  -- A built-in lesson's id is its file's id; a teacher's lesson's is a random uuid.
  id text PRIMARY KEY,
  owner_id uuid REFERENCES teachers (id) ON DELETE CASCADE,
  title text NOT NULL,
  -- The work in progress, as the editor sent it: any JSON, validated only on publishing.
  draft jsonb,
  draft_saved_at timestamptz,
  -- Anyone with /s/<share_key> may study the newest version; NULL while private.
  share_key text UNIQUE,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lessons_owner_idx ON lessons (owner_id);

CREATE TABLE lesson_versions (
  id uuid PRIMARY KEY,
  lesson_id text NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
  number integer NOT NULL,
  -- The version as an open lesson file: read back through the file's migrations, so a version
  -- published under an older schema still opens after an upgrade.
  file text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (lesson_id, number)
);

-- NULL only for a session from before the library, until start-up pins it to its built-in
-- lesson's first version.
ALTER TABLE class_sessions ADD COLUMN lesson_version_id uuid REFERENCES lesson_versions (id) ON DELETE CASCADE;
CREATE INDEX class_sessions_lesson_version_idx ON class_sessions (lesson_version_id);

-- LTI Deep Linking 2.0 (issue 24): a teacher adds an activity from inside the LMS. The LMS's
-- request waits for the teacher's pick; the pick is kept as a placement, which the link the LMS
-- makes from it names in its custom claim, so a launch of that link finds its lesson and mode.

-- A deep-linking request waiting for its teacher: where to send the answer, and the platform's
-- opaque data to echo back. It lives about an hour and is answered once (used_at).
CREATE TABLE lti_deep_linking_requests (
  id uuid PRIMARY KEY,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  deployment_id text NOT NULL,
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  return_url text NOT NULL,
  data text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  -- The signed answer, made when the teacher picked (or cancelled), sent by the browser after.
  response_jwt text
);
CREATE INDEX lti_deep_linking_requests_expires_idx ON lti_deep_linking_requests (expires_at);

-- What a teacher picked for a course: a lesson and a mode. The LMS keeps its id in the link's
-- custom claim; the platform is kept to refuse the id coming back from another LMS.
CREATE TABLE lti_placements (
  id uuid PRIMARY KEY,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  lesson_id text NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
  mode text NOT NULL CHECK (mode IN ('teacher-paced', 'self-paced')),
  title text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The placement a link was set up from (its lesson_id and mode are copied from it).
ALTER TABLE lti_resource_links
  ADD COLUMN placement_id uuid REFERENCES lti_placements (id) ON DELETE SET NULL;

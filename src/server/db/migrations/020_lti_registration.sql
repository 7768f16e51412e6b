-- LTI (issue 24, points 5 and 6): the invitations an administrator makes for an LMS's Dynamic
-- Registration, and the hand-offs that carry a launch from an LMS's frame to a window of its own.

-- A registration URL printed by `npm run admin -- lti-registration-url`: only the secret's hash
-- is kept. It works until it expires or until one registration succeeded with it.
CREATE TABLE lti_registration_invitations (
  token_hash text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  platform_id uuid REFERENCES lti_platforms (id) ON DELETE SET NULL
);

-- A launch checked in a frame that cannot keep the app's cookies: the user opens it in a new
-- window with a one-time code (only its hash kept), good for a minute or two, bound to the
-- login it came from and to whom that launch let in (a teacher, or a participant).
CREATE TABLE lti_handoffs (
  code_hash text PRIMARY KEY,
  login_state text NOT NULL REFERENCES lti_logins (state) ON DELETE CASCADE,
  teacher_id uuid REFERENCES teachers (id) ON DELETE CASCADE,
  -- Where the teacher's launch lands: /teach, a placed link's session or the lesson picker.
  landing_path text,
  participant_id uuid REFERENCES participants (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK ((teacher_id IS NULL) <> (participant_id IS NULL))
);
CREATE INDEX lti_handoffs_login_idx ON lti_handoffs (login_state);

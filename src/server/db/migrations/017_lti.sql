-- LTI 1.3 (issue 24): the platforms (LMSs) an administrator registered, this tool's own signing
-- keys, the logins in flight, the LMS users tied to our teachers and participants, and the
-- resource links (an activity placed in a course) with the session they open.

-- A platform is one LMS registration: an issuer may register the tool more than once (a
-- district's Canvas with a client id per sub-account), so the pair is what is unique.
CREATE TABLE lti_platforms (
  id uuid PRIMARY KEY,
  issuer text NOT NULL,
  client_id text NOT NULL,
  auth_login_url text NOT NULL,
  auth_token_url text NOT NULL,
  jwks_url text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (issuer, client_id)
);

-- A launch must name a deployment the administrator registered for its platform.
CREATE TABLE lti_deployments (
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  deployment_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform_id, deployment_id)
);

-- The tool's RSA key pairs (JWK text). The newest key not retired signs; a retired key stays in
-- the published key set for a grace period, so platforms that cached it still check what it
-- signed before the rotation.
CREATE TABLE lti_tool_keys (
  kid text PRIMARY KEY,
  private_jwk text NOT NULL,
  public_jwk text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);

-- A login initiation waiting for its launch: the state the browser carries back and the nonce
-- the platform must put in its token. used_at is set once, by the launch that used it, so a
-- replayed token is refused; rows go after they expire (housekeeping).
CREATE TABLE lti_logins (
  state text PRIMARY KEY,
  nonce text NOT NULL UNIQUE,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX lti_logins_expires_idx ON lti_logins (expires_at);

-- An LMS user (the token's sub on that platform). Only the ids are kept: the name a student
-- is shown under lives in their participant rows, and an instructor's in their teacher account.
CREATE TABLE lti_users (
  id uuid PRIMARY KEY,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  sub text NOT NULL,
  teacher_id uuid REFERENCES teachers (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (platform_id, sub)
);

-- A participant who came in by LTI: a launch on another device finds them again by it.
ALTER TABLE participants ADD COLUMN lti_user_id uuid REFERENCES lti_users (id) ON DELETE SET NULL;
CREATE UNIQUE INDEX participants_session_lti_user_key
  ON participants (session_id, lti_user_id) WHERE lti_user_id IS NOT NULL;

-- An activity placed in a course: the lesson and mode chosen for it (deep linking, to come)
-- and the session it opens once made.
CREATE TABLE lti_resource_links (
  id uuid PRIMARY KEY,
  platform_id uuid NOT NULL REFERENCES lti_platforms (id) ON DELETE CASCADE,
  deployment_id text NOT NULL,
  context_id text,
  resource_link_id text NOT NULL,
  title text,
  lesson_id text,
  mode text CHECK (mode IN ('teacher-paced', 'self-paced')),
  session_id uuid REFERENCES class_sessions (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (platform_id, deployment_id, resource_link_id)
);

-- An account made by an LTI launch has no password: it signs in from the LMS only.
ALTER TABLE teachers ALTER COLUMN password_hash DROP NOT NULL;

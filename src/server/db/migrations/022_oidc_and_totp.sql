-- Sign-in by OpenID Connect and a TOTP second factor (issue 25).

-- A teacher's account at an OpenID provider: the pair (issuer, subject) names it for good (an
-- e-mail can change hands). A teacher made by OIDC has no password (password_hash is null, as
-- for an account an LTI launch made).
CREATE TABLE teacher_oidc_identities (
  issuer text NOT NULL,
  subject text NOT NULL,
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX teacher_oidc_identities_teacher ON teacher_oidc_identities (teacher_id);

-- A sign-in sent to a provider and not back yet: the state's hash, the PKCE verifier and the
-- nonce. The callback deletes its row as it reads it (used once); rows past expires_at go at the
-- next start.
CREATE TABLE oidc_logins (
  state_hash text PRIMARY KEY,
  provider text NOT NULL,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- A teacher's TOTP secret, encrypted with a key derived from the cookie secret. It counts once
-- enabled_at is set (after a right code); last_step is the last time step used, so a code
-- cannot be used twice.
CREATE TABLE teacher_second_factors (
  teacher_id uuid PRIMARY KEY REFERENCES teachers (id) ON DELETE CASCADE,
  secret_sealed text NOT NULL,
  enabled_at timestamptz,
  last_step bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One-time recovery codes, hashed; a used one is deleted.
CREATE TABLE teacher_recovery_codes (
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  PRIMARY KEY (teacher_id, code_hash)
);

-- A password sign-in waiting for its code: the pending token's hash, used once.
CREATE TABLE second_factor_sign_ins (
  token_hash text PRIMARY KEY,
  teacher_id uuid NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX second_factor_sign_ins_teacher ON second_factor_sign_ins (teacher_id);

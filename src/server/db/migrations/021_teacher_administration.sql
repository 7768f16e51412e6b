-- Who may be a teacher (issue 25): administrators, disabled accounts and invitations.

-- An administrator invites, disables, re-enables and moves a teacher's work to another teacher
-- (`npm run admin -- make-admin <e-mail>` makes the first one).
ALTER TABLE teachers ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
-- Set while the account is disabled: its cookies sign nobody in and it cannot sign in again.
ALTER TABLE teachers ADD COLUMN disabled_at timestamptz;

-- An administrator's invitation for one e-mail address to open a teacher account, with a link
-- whose secret only the hash of is kept. It is accepted once an account with its address exists
-- (nothing is consumed), revoked by deleting it, and ends at expires_at.
CREATE TABLE teacher_invitations (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  -- NULL when the admin command made it, or its administrator's account is gone.
  invited_by uuid REFERENCES teachers (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  token_hash text NOT NULL UNIQUE
);
-- One invitation per address: inviting again replaces it (and its link).
CREATE UNIQUE INDEX teacher_invitations_email_key ON teacher_invitations (lower(email));

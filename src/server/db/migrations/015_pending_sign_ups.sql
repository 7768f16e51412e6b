-- Sign-ups waiting for the link sent to their e-mail (only when the server sends e-mail), so
-- signing up answers the same whether or not the address already has an account. Only a hash
-- of each link's token is kept; the account is made when the link is opened.

CREATE TABLE pending_sign_ups (
  token_hash text PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX pending_sign_ups_expires_idx ON pending_sign_ups (expires_at);

import { randomUUID } from 'node:crypto';
import type { Teacher } from '#domain/api/live-contracts';
import type { Queryable } from '../db/database';

/** A sign-in sent to an OpenID provider, waiting for its callback. */
export interface OidcLogin {
  readonly provider: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly expiresAt: Date;
}

export async function insertOidcLogin(
  db: Queryable,
  stateHash: string,
  login: OidcLogin,
): Promise<void> {
  await db.query('DELETE FROM oidc_logins WHERE expires_at < now()');
  await db.query(
    `INSERT INTO oidc_logins (state_hash, provider, code_verifier, nonce, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [stateHash, login.provider, login.codeVerifier, login.nonce, login.expiresAt],
  );
}

/** Takes the login out (it is used once): null when there is none by that state. */
export async function takeOidcLogin(db: Queryable, stateHash: string): Promise<OidcLogin | null> {
  const { rows } = await db.query<{
    provider: string;
    code_verifier: string;
    nonce: string;
    expires_at: Date;
  }>(
    `DELETE FROM oidc_logins WHERE state_hash = $1
     RETURNING provider, code_verifier, nonce, expires_at`,
    [stateHash],
  );
  const row = rows[0];
  return row
    ? {
        provider: row.provider,
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        expiresAt: new Date(row.expires_at),
      }
    : null;
}

export async function findTeacherByOidcIdentity(
  db: Queryable,
  issuer: string,
  subject: string,
): Promise<Teacher | null> {
  const { rows } = await db.query<Teacher>(
    `SELECT t.id, t.email, t.name FROM teacher_oidc_identities i
     JOIN teachers t ON t.id = i.teacher_id
     WHERE i.issuer = $1 AND i.subject = $2`,
    [issuer, subject],
  );
  return rows[0] ?? null;
}

export async function linkOidcIdentity(
  db: Queryable,
  teacherId: string,
  issuer: string,
  subject: string,
): Promise<void> {
  await db.query(
    `INSERT INTO teacher_oidc_identities (issuer, subject, teacher_id) VALUES ($1, $2, $3)
     ON CONFLICT (issuer, subject) DO NOTHING`,
    [issuer, subject, teacherId],
  );
}

/** A teacher with no password (signs in by the provider); null when the e-mail is taken. */
export async function createPasswordlessTeacher(
  db: Queryable,
  input: { readonly email: string; readonly name: string },
): Promise<Teacher | null> {
  const { rows } = await db.query<Teacher>(
    `INSERT INTO teachers (id, email, name, password_hash) VALUES ($1, $2, $3, NULL)
     ON CONFLICT (lower(email)) DO NOTHING
     RETURNING id, email, name`,
    [randomUUID(), input.email, input.name],
  );
  return rows[0] ?? null;
}

export async function hasOidcIdentity(db: Queryable, teacherId: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM teacher_oidc_identities WHERE teacher_id = $1', [
    teacherId,
  ]);
  return rows.length > 0;
}

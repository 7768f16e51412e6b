import type { Queryable } from '../db/database';

export interface SecondFactorRecord {
  readonly secretSealed: string;
  readonly isOn: boolean;
  /** The last TOTP time step used: a code of it or earlier is refused. */
  readonly lastStep: number;
}

export async function findSecondFactor(
  db: Queryable,
  teacherId: string,
): Promise<SecondFactorRecord | null> {
  const { rows } = await db.query<{
    secret_sealed: string;
    enabled_at: Date | null;
    last_step: string | number;
  }>(
    'SELECT secret_sealed, enabled_at, last_step FROM teacher_second_factors WHERE teacher_id = $1',
    [teacherId],
  );
  const row = rows[0];
  return row
    ? {
        secretSealed: row.secret_sealed,
        isOn: row.enabled_at !== null,
        lastStep: Number(row.last_step),
      }
    : null;
}

/** A new secret, not on yet (replacing one not confirmed). */
export async function saveUnconfirmedSecondFactor(
  db: Queryable,
  teacherId: string,
  secretSealed: string,
): Promise<void> {
  await db.query(
    `INSERT INTO teacher_second_factors (teacher_id, secret_sealed) VALUES ($1, $2)
     ON CONFLICT (teacher_id) DO UPDATE SET secret_sealed = $2, enabled_at = NULL, last_step = 0`,
    [teacherId, secretSealed],
  );
}

/**
 * Records a used time step, only when it is later than the last: false when another request
 * used this step (or a later one) first, so one code signs in once.
 */
export async function useTimeStep(
  db: Queryable,
  teacherId: string,
  step: number,
): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE teacher_second_factors SET last_step = $2
     WHERE teacher_id = $1 AND last_step < $2 RETURNING teacher_id`,
    [teacherId, step],
  );
  return rows.length > 0;
}

export async function turnOnSecondFactor(
  db: Queryable,
  teacherId: string,
  recoveryCodeHashes: readonly string[],
): Promise<void> {
  await db.query('UPDATE teacher_second_factors SET enabled_at = now() WHERE teacher_id = $1', [
    teacherId,
  ]);
  await db.query('DELETE FROM teacher_recovery_codes WHERE teacher_id = $1', [teacherId]);
  for (const hash of recoveryCodeHashes) {
    await db.query('INSERT INTO teacher_recovery_codes (teacher_id, code_hash) VALUES ($1, $2)', [
      teacherId,
      hash,
    ]);
  }
}

/** Turns it off: the secret, recovery codes and pending sign-ins go. True when there was one. */
export async function deleteSecondFactor(db: Queryable, teacherId: string): Promise<boolean> {
  await db.query('DELETE FROM teacher_recovery_codes WHERE teacher_id = $1', [teacherId]);
  await db.query('DELETE FROM second_factor_sign_ins WHERE teacher_id = $1', [teacherId]);
  const { rows } = await db.query(
    'DELETE FROM teacher_second_factors WHERE teacher_id = $1 RETURNING teacher_id',
    [teacherId],
  );
  return rows.length > 0;
}

/** Uses a recovery code up: false when it is not one of the teacher's unused codes. */
export async function takeRecoveryCode(
  db: Queryable,
  teacherId: string,
  codeHash: string,
): Promise<boolean> {
  const { rows } = await db.query(
    `DELETE FROM teacher_recovery_codes WHERE teacher_id = $1 AND code_hash = $2
     RETURNING teacher_id`,
    [teacherId, codeHash],
  );
  return rows.length > 0;
}

export async function countRecoveryCodes(db: Queryable, teacherId: string): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM teacher_recovery_codes WHERE teacher_id = $1',
    [teacherId],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function insertPendingSignIn(
  db: Queryable,
  tokenHash: string,
  teacherId: string,
  expiresAt: Date,
): Promise<void> {
  await db.query('DELETE FROM second_factor_sign_ins WHERE expires_at < now()');
  await db.query(
    'INSERT INTO second_factor_sign_ins (token_hash, teacher_id, expires_at) VALUES ($1, $2, $3)',
    [tokenHash, teacherId, expiresAt],
  );
}

/** The teacher a pending sign-in is for, while it has not expired. */
export async function findPendingSignIn(
  db: Queryable,
  tokenHash: string,
): Promise<{ teacherId: string; email: string; name: string } | null> {
  const { rows } = await db.query<{ teacher_id: string; email: string; name: string }>(
    `SELECT p.teacher_id, t.email, t.name FROM second_factor_sign_ins p
     JOIN teachers t ON t.id = p.teacher_id
     WHERE p.token_hash = $1 AND p.expires_at > now()`,
    [tokenHash],
  );
  const row = rows[0];
  return row ? { teacherId: row.teacher_id, email: row.email, name: row.name } : null;
}

export async function deletePendingSignIn(db: Queryable, tokenHash: string): Promise<boolean> {
  const { rows } = await db.query(
    'DELETE FROM second_factor_sign_ins WHERE token_hash = $1 RETURNING teacher_id',
    [tokenHash],
  );
  return rows.length > 0;
}

import type { Queryable } from '../db/database';

/** A deep-linking request waiting for (or answered by) its teacher's pick. */
export interface LtiDeepLinkingRequestRecord {
  readonly id: string;
  readonly platformId: string;
  readonly deploymentId: string;
  readonly teacherId: string;
  readonly returnUrl: string;
  readonly data: string | null;
  readonly expiresAt: Date;
  readonly isUsed: boolean;
  readonly responseJwt: string | null;
}

interface RequestRow {
  id: string;
  platform_id: string;
  deployment_id: string;
  teacher_id: string;
  return_url: string;
  data: string | null;
  expires_at: Date;
  used_at: Date | null;
  response_jwt: string | null;
}

const COLUMNS =
  'id, platform_id, deployment_id, teacher_id, return_url, data, expires_at, used_at, response_jwt';

const toRecord = (row: RequestRow): LtiDeepLinkingRequestRecord => ({
  id: row.id,
  platformId: row.platform_id,
  deploymentId: row.deployment_id,
  teacherId: row.teacher_id,
  returnUrl: row.return_url,
  data: row.data,
  expiresAt: new Date(row.expires_at),
  isUsed: row.used_at !== null,
  responseJwt: row.response_jwt,
});

export async function insertDeepLinkingRequest(
  db: Queryable,
  request: Omit<LtiDeepLinkingRequestRecord, 'isUsed' | 'responseJwt'>,
): Promise<void> {
  await db.query(
    `INSERT INTO lti_deep_linking_requests
       (id, platform_id, deployment_id, teacher_id, return_url, data, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      request.id,
      request.platformId,
      request.deploymentId,
      request.teacherId,
      request.returnUrl,
      request.data,
      request.expiresAt,
    ],
  );
}

/** The request by its id, which the caller has checked is a uuid. */
export async function findDeepLinkingRequest(
  db: Queryable,
  id: string,
): Promise<LtiDeepLinkingRequestRecord | null> {
  const { rows } = await db.query<RequestRow>(
    `SELECT ${COLUMNS} FROM lti_deep_linking_requests WHERE id = $1`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Keeps the signed answer and spends the request; false when it was spent or expired already,
 * so of two answers racing only one is kept.
 */
export async function answerDeepLinkingRequest(
  db: Queryable,
  id: string,
  responseJwt: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE lti_deep_linking_requests SET used_at = now(), response_jwt = $2
     WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING id`,
    [id, responseJwt],
  );
  return rows.length === 1;
}

/** Drops requests past their hour, answered or not: their answer can no longer be sent. */
export async function deleteExpiredDeepLinkingRequests(db: Queryable, now: Date): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    'DELETE FROM lti_deep_linking_requests WHERE expires_at < $1 RETURNING id',
    [now],
  );
  return rows.length;
}

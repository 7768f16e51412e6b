import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';

/** An LMS registration: where its users sign in, where its keys are, and its deployments. */
export interface LtiPlatformRecord {
  readonly id: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly authLoginUrl: string;
  readonly authTokenUrl: string;
  readonly jwksUrl: string;
  readonly deploymentIds: readonly string[];
}

export type NewLtiPlatform = Omit<LtiPlatformRecord, 'id'>;

interface PlatformRow {
  id: string;
  issuer: string;
  client_id: string;
  auth_login_url: string;
  auth_token_url: string;
  jwks_url: string;
  deployment_ids: string[] | null;
}

const SELECT_PLATFORMS = `
  SELECT p.id, p.issuer, p.client_id, p.auth_login_url, p.auth_token_url, p.jwks_url,
    (SELECT array_agg(d.deployment_id ORDER BY d.deployment_id) FROM lti_deployments d
     WHERE d.platform_id = p.id) AS deployment_ids
  FROM lti_platforms p`;

const toRecord = (row: PlatformRow): LtiPlatformRecord => ({
  id: row.id,
  issuer: row.issuer,
  clientId: row.client_id,
  authLoginUrl: row.auth_login_url,
  authTokenUrl: row.auth_token_url,
  jwksUrl: row.jwks_url,
  deploymentIds: row.deployment_ids ?? [],
});

/**
 * Registers a platform, or updates the one with the same issuer and client id (its URLs are
 * replaced, its deployments added to), so registering again after an LMS change is safe.
 */
export async function upsertPlatform(
  db: Queryable,
  platform: NewLtiPlatform,
): Promise<LtiPlatformRecord> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO lti_platforms (id, issuer, client_id, auth_login_url, auth_token_url, jwks_url)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (issuer, client_id) DO UPDATE SET auth_login_url = EXCLUDED.auth_login_url,
       auth_token_url = EXCLUDED.auth_token_url, jwks_url = EXCLUDED.jwks_url
     RETURNING id`,
    [
      randomUUID(),
      platform.issuer,
      platform.clientId,
      platform.authLoginUrl,
      platform.authTokenUrl,
      platform.jwksUrl,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('registering the platform returned no row');
  for (const deploymentId of platform.deploymentIds) {
    await db.query(
      `INSERT INTO lti_deployments (platform_id, deployment_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [id, deploymentId],
    );
  }
  const saved = await findPlatformById(db, id);
  if (!saved) throw new Error('the platform just registered is gone');
  return saved;
}

export async function findPlatformById(
  db: Queryable,
  id: string,
): Promise<LtiPlatformRecord | null> {
  const { rows } = await db.query<PlatformRow>(`${SELECT_PLATFORMS} WHERE p.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The platforms of an issuer: one per client id it registered the tool under. */
export async function findPlatformsByIssuer(
  db: Queryable,
  issuer: string,
): Promise<LtiPlatformRecord[]> {
  const { rows } = await db.query<PlatformRow>(
    `${SELECT_PLATFORMS} WHERE p.issuer = $1 ORDER BY p.client_id`,
    [issuer],
  );
  return rows.map(toRecord);
}

export async function listPlatforms(db: Queryable): Promise<LtiPlatformRecord[]> {
  const { rows } = await db.query<PlatformRow>(
    `${SELECT_PLATFORMS} ORDER BY p.issuer, p.client_id`,
  );
  return rows.map(toRecord);
}

import type { Queryable } from '../db/database';

/** One of the tool's key pairs, its halves as JWK JSON text. */
export interface LtiToolKeyRecord {
  readonly kid: string;
  readonly privateJwk: string;
  readonly publicJwk: string;
  readonly createdAt: Date;
  readonly retiredAt: Date | null;
}

interface KeyRow {
  kid: string;
  private_jwk: string;
  public_jwk: string;
  created_at: Date | string;
  retired_at: Date | string | null;
}

const toRecord = (row: KeyRow): LtiToolKeyRecord => ({
  kid: row.kid,
  privateJwk: row.private_jwk,
  publicJwk: row.public_jwk,
  createdAt: new Date(row.created_at),
  retiredAt: row.retired_at === null ? null : new Date(row.retired_at),
});

const COLUMNS = 'kid, private_jwk, public_jwk, created_at, retired_at';

export async function insertToolKey(
  db: Queryable,
  key: Pick<LtiToolKeyRecord, 'kid' | 'privateJwk' | 'publicJwk'>,
): Promise<void> {
  await db.query('INSERT INTO lti_tool_keys (kid, private_jwk, public_jwk) VALUES ($1, $2, $3)', [
    key.kid,
    key.privateJwk,
    key.publicJwk,
  ]);
}

/** The key that signs: the newest not retired; null before the first key is made. */
export async function findSigningKey(db: Queryable): Promise<LtiToolKeyRecord | null> {
  const { rows } = await db.query<KeyRow>(
    `SELECT ${COLUMNS} FROM lti_tool_keys WHERE retired_at IS NULL
     ORDER BY created_at DESC, kid DESC LIMIT 1`,
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/** The keys to publish: every active key and those retired after `retiredSince`, newest first. */
export async function listPublishedKeys(
  db: Queryable,
  retiredSince: Date,
): Promise<LtiToolKeyRecord[]> {
  const { rows } = await db.query<KeyRow>(
    `SELECT ${COLUMNS} FROM lti_tool_keys WHERE retired_at IS NULL OR retired_at > $1
     ORDER BY created_at DESC, kid DESC`,
    [retiredSince],
  );
  return rows.map(toRecord);
}

/** Retires every active key but `keptKid`, as of now. */
export async function retireKeysOtherThan(db: Queryable, keptKid: string): Promise<number> {
  const { rows } = await db.query<{ kid: string }>(
    `UPDATE lti_tool_keys SET retired_at = now() WHERE retired_at IS NULL AND kid <> $1 RETURNING kid`,
    [keptKid],
  );
  return rows.length;
}

import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Database } from '../db/database';
import {
  findSigningKey,
  insertToolKey,
  listPublishedKeys,
  retireKeysOtherThan,
} from '../repositories/lti-tool-keys.repository';

/** How long a retired key stays in the key set: longer than any platform caches a key set. */
export const RETIRED_KEY_GRACE_DAYS = 7;
const ALGORITHM = 'RS256';

/** The key the tool signs with now, and its id for the JWT header. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
}

/** A key set as RFC 7517 writes it, which platforms fetch from GET /lti/jwks.json. */
export interface PublicKeySet {
  readonly keys: readonly JWK[];
}

async function makeToolKey(db: Database): Promise<string> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  // The date leads, so an administrator reading the key set sees which key is which.
  const kid = `${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  const labels = { kid, alg: ALGORITHM, use: 'sig' };
  await insertToolKey(db, {
    kid,
    privateJwk: JSON.stringify({ ...(await exportJWK(privateKey)), ...labels }),
    publicJwk: JSON.stringify({ ...(await exportJWK(publicKey)), ...labels }),
  });
  return kid;
}

/**
 * The tool's own key pairs, kept in the database so every instance signs with the same one:
 * made on first need, rotated by the administrator (`npm run admin -- lti-rotate-key`).
 */
export class LtiKeys {
  constructor(private readonly db: Database) {}

  /** The public halves of the signing key and of keys retired within the grace period. */
  async publicKeySet(now = new Date()): Promise<PublicKeySet> {
    if (!(await findSigningKey(this.db))) await makeToolKey(this.db);
    const since = new Date(now.getTime() - RETIRED_KEY_GRACE_DAYS * 24 * 3600 * 1000);
    const keys = await listPublishedKeys(this.db, since);
    return { keys: keys.map((key) => JSON.parse(key.publicJwk) as JWK) };
  }

  /** The newest key not retired, made on first need, for what the tool signs (client assertions). */
  async signingKey(): Promise<SigningKey> {
    const record = await findSigningKey(this.db);
    if (!record) {
      await makeToolKey(this.db);
      return this.signingKey();
    }
    const privateKey = await importJWK(JSON.parse(record.privateJwk) as JWK, ALGORITHM);
    if (privateKey instanceof Uint8Array)
      throw new Error(`the tool key ${record.kid} is not an RSA key`);
    return { kid: record.kid, privateKey };
  }

  /**
   * Makes a new signing key and retires the others; they stay published for the grace period.
   * Returns the new key's id and how many keys were retired.
   */
  async rotate(): Promise<{ kid: string; retired: number }> {
    const kid = await makeToolKey(this.db);
    return { kid, retired: await retireKeysOtherThan(this.db, kid) };
  }
}

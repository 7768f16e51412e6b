import { importJWK, SignJWT, type JWK } from 'jose';
import type { Database } from '../db/database';
import { findSigningKey } from '../repositories/lti-tool-keys.repository';
import type { LtiKeys } from './lti-keys';

/**
 * Signs claims with the tool's current key, its id in the header so the platform picks it from
 * our key set (GET /lti/jwks.json). The key is made on first need, as the key set makes it.
 */
export async function signAsTool(
  db: Database,
  keys: LtiKeys,
  claims: Record<string, unknown>,
  lifetimeSeconds: number,
): Promise<string> {
  let key = await findSigningKey(db);
  if (!key) {
    await keys.publicKeySet();
    key = await findSigningKey(db);
  }
  if (!key) throw new Error('the tool has no signing key, even after making one');
  const jwk = JSON.parse(key.privateJwk) as JWK;
  const privateKey = await importJWK(jwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(privateKey);
}

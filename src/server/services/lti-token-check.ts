import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import { refusal, type LtiRefusal } from '#domain/lti/refusals';
import type { LtiPlatformRecord } from '../repositories/lti-platforms.repository';

/** A platform's token is recent: LMSs post it within seconds of signing it. */
const MAX_TOKEN_AGE = '10 minutes';
/** Clocks of the LMS and of this server may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 30;

type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;

/** Why jose refused a token, said as the refusal page says it. */
function refusalOf(error: unknown, platform: LtiPlatformRecord): LtiRefusal {
  if (error instanceof errors.JWTExpired) {
    return refusal(
      'token_expired',
      `The launch's token expired (${error.reason}); launch again from the LMS.`,
    );
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') {
      return refusal(
        'wrong_issuer',
        `The token's issuer is not ${platform.issuer}, the platform this launch started with.`,
      );
    }
    if (error.claim === 'aud') {
      return refusal(
        'wrong_audience',
        `The token is not addressed to this tool's client id ${platform.clientId} (its audience).`,
      );
    }
    if (error.claim === 'iat') {
      return refusal(
        'token_expired',
        `The launch's token is too old or dated in the future (${error.reason}).`,
      );
    }
    return refusal('bad_claims', `The token's claim ${error.claim} ${error.reason}.`);
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return refusal(
      'platform_keys_unavailable',
      `The platform's key set at ${platform.jwksUrl} could not be read (${error.message}).`,
    );
  }
  if (error instanceof errors.JOSEError) {
    return refusal(
      'bad_signature',
      `The token's signature does not check against the platform's keys at ${platform.jwksUrl} (${error.code}).`,
    );
  }
  // fetch itself failed: the platform's key set is unreachable.
  if (error instanceof TypeError) {
    return refusal(
      'platform_keys_unavailable',
      `The platform's key set at ${platform.jwksUrl} could not be fetched (${error.message}).`,
    );
  }
  throw error;
}

/** The key id in a token's header; null when there is none or the token is not a JWS. */
function keyIdOf(token: string): string | null {
  try {
    return decodeProtectedHeader(token).kid ?? null;
  } catch {
    // Not three base64url parts with a JSON header: refused as unsigned by the caller.
    return null;
  }
}

/**
 * Checks platforms' id_tokens with jose: the signature against the platform's key set (fetched
 * once per URL and kept, fetched again when a token names a key it does not have), the issuer,
 * the audience, the expiry and the age.
 */
export class LtiTokenCheck {
  private readonly keySets = new Map<string, RemoteKeySet>();

  private keySetOf(jwksUrl: string): RemoteKeySet {
    let keySet = this.keySets.get(jwksUrl);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(jwksUrl));
      this.keySets.set(jwksUrl, keySet);
    }
    return keySet;
  }

  /** The verified payload, or why the token is refused. */
  async verify(idToken: string, platform: LtiPlatformRecord): Promise<JWTPayload | LtiRefusal> {
    // LTI's security framework has platforms name their key; jose would otherwise try the key
    // set's only key, and the certification's "no kid" launch must be refused.
    if (!keyIdOf(idToken)) {
      return refusal(
        'bad_signature',
        'The token is not a signed JWT whose header names a key (kid) of the platform’s key set.',
      );
    }
    try {
      const { payload } = await jwtVerify(idToken, this.keySetOf(platform.jwksUrl), {
        issuer: platform.issuer,
        audience: platform.clientId,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
        maxTokenAge: MAX_TOKEN_AGE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      return payload;
    } catch (error) {
      return refusalOf(error, platform);
    }
  }
}

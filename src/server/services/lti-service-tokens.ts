import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { keepSecondsOf, readTokenAnswer } from '#domain/lti/service-token';
import { callLms, LmsHttpError } from '../lib/lms-http';
import type { LtiPlatformRecord } from '../repositories/lti-platforms.repository';
import type { LtiKeys } from './lti-keys';

/** How long the client assertion is good for: it is spent at once. */
const ASSERTION_LIFETIME_SECONDS = 5 * 60;
/** A token answer is a few hundred bytes; more is not a token endpoint talking. */
const TOKEN_MAX_BYTES = 64 * 1024;

/**
 * A call to an LMS's service that failed: the message names the platform and what it answered,
 * as the teacher is shown it.
 */
export class LtiServiceError extends Error {
  constructor(
    message: string,
    /** The HTTP status the LMS answered; null when it never answered. */
    readonly status: number | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'LtiServiceError';
  }
}

/** The platform as an error names it: its issuer, and the client id it knows the tool by. */
export const platformName = (platform: LtiPlatformRecord): string =>
  `the LMS ${platform.issuer} (client id ${platform.clientId})`;

interface KeptToken {
  readonly accessToken: string;
  readonly keptUntil: number;
}

/**
 * Access tokens for an LMS's services (the 1EdTech Security Framework 1.0, 4.1: the client
 * credentials grant with a JWT client assertion signed with the tool's key), kept per platform
 * and scope set until shortly before they expire, so a burst of scores asks for one token.
 */
export class LtiServiceTokens {
  private readonly kept = new Map<string, Promise<KeptToken>>();

  constructor(
    private readonly keys: LtiKeys,
    /** When a kept token is too old to use; tests move it on. */
    private readonly now: () => number = Date.now,
  ) {}

  /** A bearer token of `platform` for `scopes`, kept or newly asked for. */
  async accessToken(platform: LtiPlatformRecord, scopes: readonly string[]): Promise<string> {
    const key = this.keyOf(platform, scopes);
    const kept = this.kept.get(key);
    if (kept) {
      // A request that failed is forgotten below, so a kept promise is a token or one in flight.
      const token = await kept;
      if (token.keptUntil > this.now()) return token.accessToken;
      if (this.kept.get(key) === kept) this.kept.delete(key);
      return this.accessToken(platform, scopes);
    }
    const asked = this.ask(platform, scopes);
    this.kept.set(key, asked);
    try {
      return (await asked).accessToken;
    } catch (error) {
      if (this.kept.get(key) === asked) this.kept.delete(key);
      throw error;
    }
  }

  /** Drops a kept token the LMS refused (revoked before it expired): the next call asks anew. */
  forget(platform: LtiPlatformRecord, scopes: readonly string[]): void {
    this.kept.delete(this.keyOf(platform, scopes));
  }

  private keyOf(platform: LtiPlatformRecord, scopes: readonly string[]): string {
    return `${platform.id} ${[...new Set(scopes)].sort().join(' ')}`;
  }

  private async ask(platform: LtiPlatformRecord, scopes: readonly string[]): Promise<KeptToken> {
    const askedAt = this.now();
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: await this.clientAssertion(platform),
      scope: [...new Set(scopes)].sort().join(' '),
    });
    const url = platform.authTokenUrl;
    const answer = await callLms(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
      maxBytes: TOKEN_MAX_BYTES,
    }).catch((error: unknown) => {
      if (!(error instanceof LmsHttpError)) throw error;
      throw new LtiServiceError(
        `No service token from ${platformName(platform)}: ${error.message}.`,
        null,
        { cause: error },
      );
    });
    const token = readTokenAnswer(answer.status, answer.body);
    if (typeof token === 'string') {
      throw new LtiServiceError(
        `No service token from ${platformName(platform)}: its token endpoint ${url} ${token}.`,
        answer.status,
      );
    }
    return {
      accessToken: token.accessToken,
      keptUntil: askedAt + keepSecondsOf(token.lifetimeSeconds) * 1000,
    };
  }

  /** The JWT that proves the request comes from this tool, signed with its current key. */
  private async clientAssertion(platform: LtiPlatformRecord): Promise<string> {
    const { kid, privateKey } = await this.keys.signingKey();
    // The wall clock, not `now` (which only decides how long tokens are kept): the LMS checks it.
    const issuedAt = Math.floor(Date.now() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .setIssuer(platform.clientId)
      .setSubject(platform.clientId)
      .setAudience(platform.authTokenUrl)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ASSERTION_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(privateKey);
  }
}

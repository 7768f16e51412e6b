import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { CUSTOM_CLAIM, DEEP_LINKING_CLAIMS } from '#domain/lti/deep-linking';
import { LTI_CLAIMS } from '#domain/lti/launch-claims';

/** A content item as the test LMS keeps it from a deep-linking answer. */
export interface DeepLinkContentItem {
  readonly type: string;
  readonly title: string;
  readonly text?: string;
  readonly url: string;
  readonly custom: Readonly<Record<string, string>>;
  readonly lineItem?: Readonly<Record<string, unknown>>;
}

/** A deep-linking answer the test LMS received and checked. */
export interface DeepLinkAnswer {
  readonly data: string;
  readonly contentItems: readonly DeepLinkContentItem[];
}

/** The test LMS as its deep linking needs it. */
interface Lms {
  readonly baseUrl: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly deploymentId: string;
}

export async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The test LMS's side of Deep Linking 2.0: the launch plans of a teacher's "add an activity"
 * (a deep-linking request whose return URL is the LMS's /deep-link-return), the check of the
 * tool's signed answer posted there (against the tool's key set, with jose, as an LMS does), and
 * the content items it kept, which later launches of the links carry back.
 */
export class TestDeepLinking {
  /** What the tool answered to each deep-linking request, as this LMS checked and kept it. */
  readonly answers: DeepLinkAnswer[] = [];
  /** Requests sent, by their data, with the tool whose key set checks the answer. */
  private readonly requests = new Map<string, { toolUrl: string }>();
  private readonly seenNonces = new Set<string>();

  constructor(private readonly lms: Lms) {}

  /**
   * A teacher's "add an activity": the launch plan of a deep-linking request. `settings`
   * replaces some of its deep-linking settings.
   */
  plan<User>(user: User, toolUrl: string, settings: Readonly<Record<string, unknown>> = {}) {
    const data = `dl-${randomUUID()}`;
    this.requests.set(data, { toolUrl });
    return {
      user,
      data,
      resourceLinkId: '',
      claims: {
        [LTI_CLAIMS.messageType]: 'LtiDeepLinkingRequest',
        [LTI_CLAIMS.resourceLink]: undefined,
        [DEEP_LINKING_CLAIMS.settings]: {
          deep_link_return_url: `${this.lms.baseUrl}/deep-link-return`,
          accept_types: ['ltiResourceLink'],
          accept_presentation_document_targets: ['iframe', 'window'],
          accept_multiple: false,
          data,
          ...settings,
        },
      },
    };
  }

  /** The launch plan of a link the LMS made from a content item: its custom claim comes back. */
  launchOfItem<User>(item: DeepLinkContentItem, user: User, resourceLinkId: string) {
    return {
      user,
      resourceLinkId,
      claims: {
        [LTI_CLAIMS.resourceLink]: { id: resourceLinkId, title: item.title },
        [CUSTOM_CLAIM]: item.custom,
      },
    };
  }

  /** What an LMS checks of a deep-linking answer before it makes the links it carries. */
  async receive(form: Record<string, string>): Promise<{ status: number; html: string }> {
    const refuse = (why: string) => ({
      status: 400,
      html: `<p>invalid deep-linking answer: ${escapeHtml(why)}</p>`,
    });
    const jwt = form.JWT;
    if (!jwt) return refuse('no JWT field');
    // Which request it answers, to know whose key set to check it with.
    const unverified = JSON.parse(
      Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    const data = unverified[DEEP_LINKING_CLAIMS.data];
    const request = typeof data === 'string' ? this.requests.get(data) : undefined;
    if (typeof data !== 'string' || !request) {
      return refuse('its data names no request of this platform');
    }
    let claims: Record<string, unknown>;
    try {
      const keySet = createRemoteJWKSet(new URL(`${request.toolUrl}/lti/jwks.json`));
      ({ payload: claims } = await jwtVerify(jwt, keySet, {
        issuer: this.lms.clientId,
        audience: this.lms.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['iat', 'exp', 'nonce'],
      }));
    } catch (error) {
      return refuse(`the token does not verify: ${String(error)}`);
    }
    const nonce = String(claims.nonce);
    if (this.seenNonces.has(nonce)) return refuse('its nonce was used already');
    this.seenNonces.add(nonce);
    const expected: Record<string, unknown> = {
      [LTI_CLAIMS.messageType]: 'LtiDeepLinkingResponse',
      [LTI_CLAIMS.version]: '1.3.0',
      [LTI_CLAIMS.deploymentId]: this.lms.deploymentId,
    };
    const wrong = Object.entries(expected).find(([name, value]) => claims[name] !== value);
    if (wrong) return refuse(`wrong ${wrong[0]}: ${JSON.stringify(claims[wrong[0]])}`);
    const items = claims[DEEP_LINKING_CLAIMS.contentItems];
    if (!Array.isArray(items)) return refuse('no content_items');
    this.requests.delete(data);
    const contentItems = items as DeepLinkContentItem[];
    this.answers.push({ data, contentItems });
    const added = contentItems.map((item) => `<li>${escapeHtml(item.title)}</li>`).join('');
    return {
      status: 200,
      html: contentItems.length
        ? `<main><h1>Activity added</h1><ul>${added}</ul></main>`
        : '<main><h1>Nothing added</h1></main>',
    };
  }
}

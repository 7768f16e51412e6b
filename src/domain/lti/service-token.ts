import { z } from 'zod';

/** The scopes a tool asks an LMS for (LTI AGS 2.0, 3.1; NRPS 2.0, 3.6.1). */
export const LTI_SCOPES = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  contextMembershipReadOnly:
    'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;

/** A token endpoint's success (RFC 6749, 5.1); expires_in is optional there. */
const tokenAnswerSchema = z.object({
  access_token: z.string().min(1).max(4096),
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer', {
    message: 'token_type is not Bearer',
  }),
  expires_in: z.number().positive().optional(),
  scope: z.string().optional(),
});

/** A token endpoint's refusal (RFC 6749, 5.2). */
const tokenErrorSchema = z.object({
  error: z.string().max(200),
  error_description: z.string().max(1000).optional(),
});

/** When the LMS leaves expires_in out: its tokens live an hour (the security framework's advice). */
const DEFAULT_LIFETIME_SECONDS = 3600;

export interface ServiceToken {
  readonly accessToken: string;
  readonly lifetimeSeconds: number;
}

/** Parses JSON text, or says it is none. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A short quote of what an LMS answered, for an error message. */
export const quoteAnswer = (body: string): string => {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat === '') return 'an empty body';
  return JSON.stringify(flat.length > 200 ? `${flat.slice(0, 200)}…` : flat);
};

/**
 * What a token endpoint's answer says: the token, or in words why there is none (the OAuth error
 * the LMS named, or that its answer was not a token at all).
 */
export function readTokenAnswer(status: number, body: string): ServiceToken | string {
  const json = parseJson(body);
  if (status >= 200 && status < 300) {
    const parsed = tokenAnswerSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join('.') || 'the body';
      return `answered ${status} without a bearer token (${where}: ${issue?.message ?? 'invalid'}): ${quoteAnswer(body)}`;
    }
    return {
      accessToken: parsed.data.access_token,
      lifetimeSeconds: parsed.data.expires_in ?? DEFAULT_LIFETIME_SECONDS,
    };
  }
  const refused = tokenErrorSchema.safeParse(json);
  if (refused.success) {
    const { error, error_description: description } = refused.data;
    return `refused with ${status} ${error}${description ? `: ${description}` : ''}`;
  }
  return `answered ${status}: ${quoteAnswer(body)}`;
}

/**
 * How long a token is kept: until shortly before the LMS said it expires (a minute, or half its
 * life when it is short), so a request never goes out with a token about to lapse.
 */
export function keepSecondsOf(lifetimeSeconds: number): number {
  return lifetimeSeconds - Math.min(60, lifetimeSeconds / 2);
}

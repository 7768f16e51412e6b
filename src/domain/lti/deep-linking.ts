import { z } from 'zod';
import type { SessionMode } from '../live/live-constants';
import { cleanDisplayName } from '../live/display-names';
import { LIMITS } from '../live/live-constants';
import { describeUnsafeText } from '../live/unsafe-text';
import { LTI_CLAIMS, LTI_VERSION, roleOf } from './launch-claims';
import { refusal, type LtiRefusal } from './refusals';

/** The claims of LTI Deep Linking 2.0 (sections 4.4 and 4.5), by their full names. */
export const DEEP_LINKING_CLAIMS = {
  settings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;

/** The custom parameters a resource link carries back (LTI Core 1.3, 5.4.6). */
export const CUSTOM_CLAIM = 'https://purl.imsglobal.org/spec/lti/claim/custom';

export const DEEP_LINKING_REQUEST = 'LtiDeepLinkingRequest';
export const DEEP_LINKING_RESPONSE = 'LtiDeepLinkingResponse';
const RESOURCE_LINK_TYPE = 'ltiResourceLink';

/** Longest text kept of what a platform sends: a URL or its opaque data, stored and echoed. */
const MAX_URL_LENGTH = 2048;
const MAX_DATA_LENGTH = 4096;

const hasNoNul = (text: string) => !text.includes('\0');
const idText = z.string().trim().min(1).max(255).refine(hasNoNul, 'contains a NUL character');

const returnUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine(hasNoNul, 'contains a NUL character')
  // The domain has no URL class; the server's form checks the rest when it posts there.
  .refine((text) => /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(text), 'is not an http(s) URL');

const deepLinkingClaimsSchema = z.object({
  sub: idText,
  name: z.string().max(1000).optional(),
  email: z.string().max(320).optional(),
  [LTI_CLAIMS.deploymentId]: idText,
  [LTI_CLAIMS.roles]: z.array(z.string().max(1000)).max(100),
  [LTI_CLAIMS.context]: z.object({ id: idText, title: z.string().nullish() }).optional(),
  [DEEP_LINKING_CLAIMS.settings]: z.object({
    deep_link_return_url: returnUrl,
    accept_types: z.array(z.string().max(255)).max(50),
    accept_multiple: z.boolean().optional(),
    data: z.string().max(MAX_DATA_LENGTH).refine(hasNoNul, 'contains a NUL character').optional(),
  }),
});

/** What the app keeps of a verified deep-linking request. */
export interface DeepLinkingRequest {
  readonly sub: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly deploymentId: string;
  readonly returnUrl: string;
  /** The platform's opaque value, echoed in the answer; null when it sent none. */
  readonly data: string | null;
}

const issueText = (error: z.ZodError) => {
  const issue = error.issues[0];
  const where = issue?.path.map(String).join('.') ?? '';
  return `${where || '(the token)'} is missing or malformed: ${issue?.message ?? 'invalid'}`;
};

/**
 * Reads a verified token's payload as a deep-linking request (Deep Linking 2.0, 4.4), or says
 * which rule it breaks. Only someone who teaches the course may add an activity to it: the
 * roles `roleOf` counts as a teacher's (instructors, teaching assistants, content developers and
 * course administrators), as a launch by them opens the teacher's pages.
 */
export function readDeepLinkingRequest(
  payload: Record<string, unknown>,
): DeepLinkingRequest | LtiRefusal {
  const messageType = payload[LTI_CLAIMS.messageType];
  if (messageType !== DEEP_LINKING_REQUEST) {
    return refusal(
      'wrong_message_type',
      `The message type is ${JSON.stringify(messageType ?? null)}, not ${DEEP_LINKING_REQUEST}.`,
    );
  }
  const version = payload[LTI_CLAIMS.version];
  if (version !== LTI_VERSION) {
    return refusal(
      'wrong_version',
      `The launch's LTI version is ${JSON.stringify(version ?? null)}; this tool speaks LTI ${LTI_VERSION}.`,
    );
  }
  const parsed = deepLinkingClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    return refusal('bad_claims', `The deep-linking request's claim ${issueText(parsed.error)}.`);
  }
  const claims = parsed.data;
  if (roleOf(claims[LTI_CLAIMS.roles]) !== 'instructor') {
    return refusal(
      'deep_linking_not_allowed',
      'Only a teacher of the course can add this tool’s lessons to it.',
    );
  }
  const settings = claims[DEEP_LINKING_CLAIMS.settings];
  if (!settings.accept_types.includes(RESOURCE_LINK_TYPE)) {
    return refusal(
      'unsupported_content_type',
      `The LMS accepts ${settings.accept_types.join(', ') || 'no content type'} here; this tool adds ${RESOURCE_LINK_TYPE} links only.`,
    );
  }
  // A name the sign-up form would refuse (control characters) is not taken at all.
  const name =
    claims.name && describeUnsafeText(claims.name) === null
      ? cleanDisplayName(claims.name).slice(0, LIMITS.displayNameLength).trim()
      : '';
  return {
    sub: claims.sub,
    name: name || null,
    email: claims.email?.trim() || null,
    deploymentId: claims[LTI_CLAIMS.deploymentId],
    returnUrl: settings.deep_link_return_url,
    data: settings.data ?? null,
  };
}

const placementIdSchema = z.uuid();

/**
 * The placement a resource link was made from: the id this tool put in the link's custom claim.
 * Null when the link has none (added by hand in the LMS); a refusal when it is not an id.
 */
export function readPlacementId(payload: Record<string, unknown>): string | null | LtiRefusal {
  const custom = payload[CUSTOM_CLAIM];
  if (typeof custom !== 'object' || custom === null || !('placement' in custom)) return null;
  const parsed = placementIdSchema.safeParse(custom.placement);
  if (!parsed.success) {
    return refusal(
      'unknown_placement',
      'The link’s placement (its custom claim) is not one this tool made: add the activity again from the LMS.',
    );
  }
  return parsed.data;
}

/** A lesson placed in a course, as the content item that tells the LMS to make a link to it. */
export interface PlacedLesson {
  readonly placementId: string;
  readonly title: string;
  readonly mode: SessionMode;
  /** The tool's launch URL, which the LMS's link will launch. */
  readonly launchUrl: string;
}

const MODE_TEXT: Record<SessionMode, string> = {
  'teacher-paced': 'A live lesson: the teacher opens each question.',
  'self-paced': 'A self-paced lesson: students work through it on their own.',
};

/**
 * The claims of a deep-linking answer (Deep Linking 2.0, 4.5), but for the times and the
 * signature: from the tool (`iss`, its client id) to the platform (`aud`, its issuer), with the
 * request's data echoed. No placed lesson answers with no content item: the teacher cancelled.
 * The line item makes the LMS create the grade column the link's scores go to.
 */
export function deepLinkingResponseClaims(input: {
  readonly clientId: string;
  readonly issuer: string;
  readonly deploymentId: string;
  readonly nonce: string;
  readonly data: string | null;
  readonly placed: PlacedLesson | null;
}): Record<string, unknown> {
  const { placed } = input;
  const items = placed
    ? [
        {
          type: RESOURCE_LINK_TYPE,
          title: placed.title,
          text: MODE_TEXT[placed.mode],
          url: placed.launchUrl,
          custom: { placement: placed.placementId },
          lineItem: { scoreMaximum: 100, label: placed.title, resourceId: placed.placementId },
        },
      ]
    : [];
  return {
    iss: input.clientId,
    aud: input.issuer,
    nonce: input.nonce,
    [LTI_CLAIMS.deploymentId]: input.deploymentId,
    [LTI_CLAIMS.messageType]: DEEP_LINKING_RESPONSE,
    [LTI_CLAIMS.version]: LTI_VERSION,
    ...(input.data === null ? {} : { [DEEP_LINKING_CLAIMS.data]: input.data }),
    [DEEP_LINKING_CLAIMS.contentItems]: items,
  };
}

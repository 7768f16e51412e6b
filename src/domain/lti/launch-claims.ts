import { z } from 'zod';
import { cleanDisplayName } from '../live/display-names';
import { LIMITS } from '../live/live-constants';
import { describeUnsafeText } from '../live/unsafe-text';
import { refusal, type LtiRefusal } from './refusals';

/** The LTI 1.3 claims a resource-link launch carries, by their full names (LTI Core 1.3, 5.3-5.4). */
export const LTI_CLAIMS = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
} as const;

export const RESOURCE_LINK_REQUEST = 'LtiResourceLinkRequest';
export const LTI_VERSION = '1.3.0';

const idText = z.string().trim().min(1).max(255);

const launchClaimsSchema = z.object({
  sub: idText,
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  email: z.string().optional(),
  [LTI_CLAIMS.deploymentId]: idText,
  [LTI_CLAIMS.resourceLink]: z.object({ id: idText, title: z.string().nullish() }),
  [LTI_CLAIMS.roles]: z.array(z.string()),
  [LTI_CLAIMS.context]: z.object({ id: idText, title: z.string().nullish() }).optional(),
});

/** Who the LMS says the user is in the course: teachers and students are let in. */
export type LtiRole = 'instructor' | 'learner';

/** What the app needs of a verified resource-link launch. */
export interface ResourceLinkLaunch {
  readonly sub: string;
  readonly role: LtiRole;
  /** The LMS's name for the user, cleaned as a typed display name is; null when it sent none. */
  readonly name: string | null;
  readonly email: string | null;
  readonly deploymentId: string;
  readonly resourceLinkId: string;
  readonly resourceLinkTitle: string | null;
  readonly contextId: string | null;
}

const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership';
const INSTITUTION = 'http://purl.imsglobal.org/vocab/lis/v2/institution/person';
/** Roles that teach a course: its instructors (teaching assistants included) and designers. */
const INSTRUCTOR_ROLES = new Set([
  `${MEMBERSHIP}#Instructor`,
  `${MEMBERSHIP}#ContentDeveloper`,
  `${MEMBERSHIP}#Administrator`,
  `${MEMBERSHIP}/Instructor#TeachingAssistant`,
  'Instructor',
]);
const LEARNER_ROLES = new Set([`${MEMBERSHIP}#Learner`, 'Learner']);
/** Institution roles count only when the platform sends no course role at all. */
const INSTITUTION_INSTRUCTOR_ROLES = new Set([
  `${INSTITUTION}#Instructor`,
  `${INSTITUTION}#Faculty`,
]);
const INSTITUTION_LEARNER_ROLES = new Set([`${INSTITUTION}#Student`, `${INSTITUTION}#Learner`]);

/**
 * The user's role in the course: instructor wins over learner (a teacher enrolled as a student
 * too still teaches); null when it is neither.
 */
export function roleOf(roles: readonly string[]): LtiRole | null {
  if (roles.some((role) => INSTRUCTOR_ROLES.has(role))) return 'instructor';
  if (roles.some((role) => LEARNER_ROLES.has(role) || role.startsWith(`${MEMBERSHIP}/Learner#`))) {
    return 'learner';
  }
  if (roles.some((role) => INSTITUTION_INSTRUCTOR_ROLES.has(role))) return 'instructor';
  if (roles.some((role) => INSTITUTION_LEARNER_ROLES.has(role))) return 'learner';
  return null;
}

/** The name to show: `name`, else the given and family names; cut to a display name's length. */
function displayNameOf(claims: z.output<typeof launchClaimsSchema>): string | null {
  const full = claims.name ?? [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  // A name the join form would refuse (control characters) is not shown at all.
  if (describeUnsafeText(full) !== null) return null;
  const cleaned = cleanDisplayName(full).slice(0, LIMITS.displayNameLength).trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * Whether a token whose signature, issuer and audience list were checked was meant for this
 * client: with several audiences, `azp` must name it (OpenID Connect Core 3.1.3.7), and an
 * `azp` present must always be it.
 */
export function checkAuthorizedParty(
  payload: Record<string, unknown>,
  clientId: string,
): LtiRefusal | null {
  const { aud, azp } = payload;
  const isSeveral = Array.isArray(aud) && aud.length > 1;
  if (azp === undefined && !isSeveral) return null;
  if (azp === clientId) return null;
  return refusal(
    'wrong_audience',
    azp === undefined
      ? `The token names several audiences but no authorized party (azp); it must name this tool's client id ${clientId}.`
      : `The token's authorized party (azp) is ${JSON.stringify(azp)}, not this tool's client id ${clientId}.`,
  );
}

/**
 * Reads a verified token's payload as a resource-link launch, or says which rule of LTI 1.3 it
 * breaks: the message type, the version, a claim missing or malformed, or a role the app does
 * not let in.
 */
export function readResourceLinkLaunch(
  payload: Record<string, unknown>,
): ResourceLinkLaunch | LtiRefusal {
  const messageType = payload[LTI_CLAIMS.messageType];
  if (messageType !== RESOURCE_LINK_REQUEST) {
    return refusal(
      'wrong_message_type',
      `The launch's message type is ${JSON.stringify(messageType ?? null)}; this tool takes ${RESOURCE_LINK_REQUEST} launches and LtiDeepLinkingRequest requests.`,
    );
  }
  const version = payload[LTI_CLAIMS.version];
  if (version !== LTI_VERSION) {
    return refusal(
      'wrong_version',
      `The launch's LTI version is ${JSON.stringify(version ?? null)}; this tool speaks LTI ${LTI_VERSION}.`,
    );
  }
  const parsed = launchClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') ?? '';
    return refusal(
      'bad_claims',
      `The launch's claim ${where || '(the token)'} is missing or malformed: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const claims = parsed.data;
  const roles = claims[LTI_CLAIMS.roles];
  const role = roleOf(roles);
  if (!role) {
    return refusal(
      'unsupported_role',
      `Your roles in this course (${roles.join(', ') || 'none'}) are neither a teacher's nor a student's.`,
    );
  }
  const resourceLink = claims[LTI_CLAIMS.resourceLink];
  return {
    sub: claims.sub,
    role,
    name: displayNameOf(claims),
    email: claims.email?.trim() || null,
    deploymentId: claims[LTI_CLAIMS.deploymentId],
    resourceLinkId: resourceLink.id,
    resourceLinkTitle: resourceLink.title ?? null,
    contextId: claims[LTI_CLAIMS.context]?.id ?? null,
  };
}

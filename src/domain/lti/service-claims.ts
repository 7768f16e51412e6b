import { z } from 'zod';

/** The claims a launch carries when the LMS offers a service to the tool, by their full names. */
export const LTI_SERVICE_CLAIMS = {
  /** Assignment and Grade Services 2.0, 3.1. */
  gradeService: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  /** Names and Role Provisioning Services 2.0, 3.6.1. */
  classListService: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
} as const;

const serviceUrl = z.url({ protocol: /^https?$/ }).max(2048);

const gradeServiceSchema = z.object({
  scope: z.array(z.string().max(255)).max(20),
  lineitems: serviceUrl.optional(),
  lineitem: serviceUrl.optional(),
});

const classListServiceSchema = z.object({
  context_memberships_url: serviceUrl,
  service_versions: z.array(z.string().max(20)).max(10).optional(),
});

/** Where the link's grades go, as the launch said. */
export interface GradeService {
  readonly scopes: readonly string[];
  /** The course's line items container; null when the LMS lets the tool use only `lineItemUrl`. */
  readonly lineItemsUrl: string | null;
  /** The link's own line item, when the LMS made one (a graded assignment, or deep linking's). */
  readonly lineItemUrl: string | null;
}

/** Where the course's class list is read, as the launch said. */
export interface ClassListService {
  readonly membershipsUrl: string;
}

/**
 * The services a launch offers; null for one it does not (or describes in a shape LTI does
 * not allow: the launch still goes ahead, without that service, and its problem is named).
 */
export interface LaunchServices {
  readonly grades: GradeService | null;
  readonly classList: ClassListService | null;
  /** Why a service claim present in the launch was left out, one sentence each. */
  readonly problems: readonly string[];
}

function problemOf(claim: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const where = [claim, ...(issue?.path.map(String) ?? [])].join('.');
  return `The launch's claim ${where} is malformed (${issue?.message ?? 'invalid'}): the service is not used.`;
}

/** Reads the grade and class-list service claims of a verified launch's payload. */
export function readLaunchServices(payload: Record<string, unknown>): LaunchServices {
  const problems: string[] = [];
  let grades: GradeService | null = null;
  let classList: ClassListService | null = null;
  const gradeClaim = payload[LTI_SERVICE_CLAIMS.gradeService];
  if (gradeClaim !== undefined) {
    const parsed = gradeServiceSchema.safeParse(gradeClaim);
    if (parsed.success) {
      grades = {
        scopes: parsed.data.scope,
        lineItemsUrl: parsed.data.lineitems ?? null,
        lineItemUrl: parsed.data.lineitem ?? null,
      };
    } else problems.push(problemOf(LTI_SERVICE_CLAIMS.gradeService, parsed.error));
  }
  const classListClaim = payload[LTI_SERVICE_CLAIMS.classListService];
  if (classListClaim !== undefined) {
    const parsed = classListServiceSchema.safeParse(classListClaim);
    if (parsed.success) classList = { membershipsUrl: parsed.data.context_memberships_url };
    else problems.push(problemOf(LTI_SERVICE_CLAIMS.classListService, parsed.error));
  }
  return { grades, classList, problems };
}

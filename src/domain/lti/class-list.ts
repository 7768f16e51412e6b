import { z } from 'zod';
import { roleOf } from './launch-claims';

/** A page of a course's members as NRPS 2.0 (3.6.3) gives it; fields the app does not use are ignored. */
const membershipContainerSchema = z.object({
  members: z.array(
    z.object({
      user_id: z.string().min(1).max(255),
      name: z.string().max(500).optional(),
      given_name: z.string().max(250).optional(),
      family_name: z.string().max(250).optional(),
      roles: z.array(z.string().max(255)).max(50),
      status: z.enum(['Active', 'Inactive', 'Deleted']).optional(),
    }),
  ),
});

/** A learner of the course, as the roster names them. */
export interface CourseLearner {
  /** The LMS's id for them: the `sub` of their launches. */
  readonly sub: string;
  readonly name: string;
}

/** What a learner the LMS does not name is shown as. */
export const UNNAMED_LEARNER = 'A learner the LMS does not name';

/**
 * The active learners of one page of members, or in words why the page is not a membership
 * container.
 */
export function readMembersPage(json: unknown): CourseLearner[] | string {
  const parsed = membershipContainerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'the body';
    return `it is not a membership container (${where}: ${issue?.message ?? 'invalid'})`;
  }
  return parsed.data.members.flatMap((member) => {
    if ((member.status ?? 'Active') !== 'Active' || roleOf(member.roles) !== 'learner') return [];
    const name =
      member.name?.trim() ||
      [member.given_name, member.family_name].filter(Boolean).join(' ').trim() ||
      UNNAMED_LEARNER;
    return [{ sub: member.user_id, name }];
  });
}

/** The next page's address in a Link header (RFC 8288), or null on the last page. */
export function nextPageOf(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)$/.exec(part.trim());
    if (match && /\brel\s*=\s*"?next"?/i.test(match[2] ?? '')) return match[1] ?? null;
  }
  return null;
}

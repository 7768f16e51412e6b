import type { LtiRosterView } from '#domain/api/lti-contracts';
import { nextPageOf, readMembersPage, type CourseLearner } from '#domain/lti/class-list';
import { LTI_SCOPES, quoteAnswer } from '#domain/lti/service-token';
import type { Database } from '../db/database';
import { callLms, LMS_TIMEOUT_MS, LmsHttpError } from '../lib/lms-http';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import {
  findLinkOfSession,
  type LtiLinkServicesRecord,
} from '../repositories/lti-link-services.repository';
import { findPlatformById, type LtiPlatformRecord } from '../repositories/lti-platforms.repository';
import {
  findRoster,
  listStartedSubs,
  saveRoster,
  saveRosterError,
} from '../repositories/lti-roster.repository';
import { LtiServiceError, platformName, type LtiServiceTokens } from './lti-service-tokens';

const MEMBERSHIPS_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
/** Pages followed at most: an LMS pages a course of thousands in a few. */
export const ROSTER_MAX_PAGES = 50;
/** Learners kept at most: more than any class. */
export const ROSTER_MAX_LEARNERS = 5000;
/** The whole class list, every page, within this: the teacher's page waits for it. */
export const ROSTER_DEADLINE_MS = 30_000;
const SCOPES = [LTI_SCOPES.contextMembershipReadOnly];

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A session whose link offers no class list: nothing to show, or why the claim was left out. */
function noClassList(link: LtiLinkServicesRecord | null): LtiRosterView {
  const problem = link?.servicesProblem ?? null;
  return {
    service: problem === null ? null : { fetchedAt: null, error: problem },
    notStarted: [],
    startedCount: 0,
  };
}

/**
 * The course's class list (LTI Names and Role Provisioning Services, issue 24 point 4): read
 * from the LMS page by page with a service token, kept on the link, and set against the
 * session's students to show the teacher who has not started.
 */
export class LtiRoster {
  constructor(
    private readonly db: Database,
    private readonly tokens: LtiServiceTokens,
  ) {}

  /** The roster; the class list is read on the first look, and on `refresh`. */
  async view(session: ClassSessionRecord): Promise<LtiRosterView> {
    const link = await findLinkOfSession(this.db, session.id);
    if (!link?.membershipsUrl) return noClassList(link);
    const stored = await findRoster(this.db, link.id);
    if (stored.fetchedAt === null && stored.error === null) return this.refresh(session);
    return this.viewOf(session, link);
  }

  /** Reads the class list from the LMS again; a failure is kept and shown, not thrown. */
  async refresh(session: ClassSessionRecord): Promise<LtiRosterView> {
    const link = await findLinkOfSession(this.db, session.id);
    if (!link?.membershipsUrl) return noClassList(link);
    const platform = await findPlatformById(this.db, link.platformId);
    if (!platform) throw new Error(`the platform of the link ${link.id} is gone`);
    try {
      await saveRoster(this.db, link.id, await this.fetchLearners(platform, link.membershipsUrl));
    } catch (error) {
      if (!(error instanceof LtiServiceError)) throw error;
      await saveRosterError(this.db, link.id, error.message);
    }
    return this.viewOf(session, link);
  }

  private async viewOf(
    session: ClassSessionRecord,
    link: LtiLinkServicesRecord,
  ): Promise<LtiRosterView> {
    const [stored, started] = await Promise.all([
      findRoster(this.db, link.id),
      listStartedSubs(this.db, session.id, link.platformId),
    ]);
    const learners = stored.learners ?? [];
    return {
      service: { fetchedAt: stored.fetchedAt, error: stored.error },
      notStarted: learners
        .filter((learner) => !started.has(learner.sub))
        .map((learner) => ({ name: learner.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      startedCount: learners.filter((learner) => started.has(learner.sub)).length,
    };
  }

  /** Every page of the course's members, following the Link headers within the bounds. */
  private async fetchLearners(
    platform: LtiPlatformRecord,
    firstPage: string,
  ): Promise<CourseLearner[]> {
    const token = await this.tokens.accessToken(platform, SCOPES);
    const learners: CourseLearner[] = [];
    const seen = new Set<string>();
    let page: string | null = firstPage;
    const deadline = Date.now() + ROSTER_DEADLINE_MS;
    for (let count = 0; page !== null; count += 1) {
      const timeLeft = deadline - Date.now();
      if (timeLeft <= 0) {
        throw new LtiServiceError(
          `${platformName(platform)} did not give its whole class list within ${ROSTER_DEADLINE_MS / 1000} s.`,
        );
      }
      if (count >= ROSTER_MAX_PAGES) {
        throw new LtiServiceError(
          `${platformName(platform)} pages its class list past ${ROSTER_MAX_PAGES} pages: it was not read to the end.`,
        );
      }
      const url: string = page;
      const answer = await callLms(url, {
        timeoutMs: Math.min(timeLeft, LMS_TIMEOUT_MS),
        method: 'GET',
        headers: { accept: MEMBERSHIPS_TYPE, authorization: `Bearer ${token}` },
      }).catch((error: unknown) => {
        if (!(error instanceof LmsHttpError)) throw error;
        throw new LtiServiceError(`${platformName(platform)}: ${error.message}.`, null, {
          cause: error,
        });
      });
      if (answer.status === 401) this.tokens.forget(platform, SCOPES);
      if (answer.status !== 200) {
        throw new LtiServiceError(
          `${platformName(platform)} did not give its class list at ${url}: it answered ${answer.status}: ${quoteAnswer(answer.body)}.`,
          answer.status,
        );
      }
      const members = readMembersPage(parseJson(answer.body));
      if (typeof members === 'string') {
        throw new LtiServiceError(
          `${platformName(platform)} answered its class list at ${url} with something else: ${members}: ${quoteAnswer(answer.body)}.`,
          answer.status,
        );
      }
      for (const learner of members) {
        if (seen.has(learner.sub)) continue;
        seen.add(learner.sub);
        learners.push(learner);
      }
      if (learners.length > ROSTER_MAX_LEARNERS) {
        throw new LtiServiceError(
          `${platformName(platform)} lists more than ${ROSTER_MAX_LEARNERS} learners in this course: the class list was not kept.`,
        );
      }
      page = nextPageOf(answer.link);
    }
    return learners;
  }
}

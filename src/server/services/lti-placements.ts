import type { ResourceLinkLaunch } from '#domain/lti/launch-claims';
import { refusal } from '#domain/lti/refusals';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import { findClassSession } from '../repositories/class-sessions.repository';
import {
  findPlacement,
  findResourceLinkSessionId,
  setUpResourceLink,
} from '../repositories/lti-placements.repository';
import { upsertResourceLink } from '../repositories/lti-resource-links.repository';
import type { ClassSessions } from './class-sessions';
import type { LessonLibrary } from './lesson-library';
import { LtiRefusalError } from './lti-refusal-error';

const linkOf = (platformId: string, launch: ResourceLinkLaunch) => ({
  platformId,
  deploymentId: launch.deploymentId,
  resourceLinkId: launch.resourceLinkId,
  contextId: launch.contextId,
  title: launch.resourceLinkTitle,
});

/** The session a placed link opens, and the teacher who owns it. */
export interface PlacedLinkSession {
  readonly sessionId: string;
  readonly teacherId: string;
}

/**
 * A resource link made by deep linking: its custom claim names the placement, which gives the
 * link its lesson and mode. Its session is made on the link's first launch, whoever launches
 * first, and owned by the teacher who placed the lesson.
 */
export class LtiPlacements {
  constructor(
    private readonly db: Database,
    private readonly lessons: LessonLibrary,
    private readonly classSessions: ClassSessions,
  ) {}

  /** The session a link opens already, placed or set up otherwise; null when it has none. */
  async existingSessionOfLink(
    platformId: string,
    launch: ResourceLinkLaunch,
  ): Promise<PlacedLinkSession | null> {
    const link = await upsertResourceLink(this.db, linkOf(platformId, launch));
    const session = link.sessionId ? await findClassSession(this.db, link.sessionId) : null;
    return session ? { sessionId: session.id, teacherId: session.teacherId } : null;
  }

  async sessionOfLink(
    platformId: string,
    launch: ResourceLinkLaunch,
    placementId: string,
  ): Promise<PlacedLinkSession> {
    const placement = await findPlacement(this.db, placementId);
    // Another LMS's placement is refused as an unknown one: its id says nothing here.
    if (!placement || placement.platformId !== platformId) {
      throw new LtiRefusalError(
        refusal(
          'unknown_placement',
          'This activity names a lesson placement this tool does not know for your LMS: ask your teacher to add the activity again.',
        ),
      );
    }
    const link = await upsertResourceLink(this.db, linkOf(platformId, launch));
    const existing = link.sessionId ? await findClassSession(this.db, link.sessionId) : null;
    if (existing) return { sessionId: existing.id, teacherId: existing.teacherId };

    const pinned = await this.lessons
      .forNewSession(placement.teacherId, placement.lessonId)
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) throw error;
        throw new LtiRefusalError(
          refusal('placement_unusable', `This activity’s lesson cannot open: ${error.message}`),
        );
      });
    const session = await this.classSessions.create({
      teacherId: placement.teacherId,
      lessonId: pinned.lessonId,
      lessonVersionId: pinned.versionId,
      mode: placement.mode,
      firstSectionId: pinned.lesson.sections[0]!.id,
    });
    if (await setUpResourceLink(this.db, link.id, placement, session.id)) {
      return { sessionId: session.id, teacherId: placement.teacherId };
    }
    // A launch racing this one set the link up first: its session is the link's.
    await this.classSessions.discardUnseen(session);
    const winner = await findResourceLinkSessionId(this.db, link.id);
    const won = winner ? await findClassSession(this.db, winner) : null;
    if (!won) throw new Error(`the resource link ${link.id} lost its session while being set up`);
    return { sessionId: won.id, teacherId: won.teacherId };
  }
}

import type { Lesson } from '#domain/lesson/lesson-schema';
import type { TeacherWallResponse } from '#domain/api/dashboard-contracts';
import type { WallIdentity } from '#domain/live/wall-identity';
import { findItem, findSection } from '#domain/lesson/lesson-items';
import { toTeacherWallResponses } from '#domain/live/wall-views';
import { extractThemes } from '#domain/reports/themes';
import type { Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { LiveHub } from '../live/live-hub';
import { listSessionAnswers, moderateAnswer } from '../repositories/answers.repository';
import {
  hideNamesFromTeacher,
  setWallIdentity,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import { listSessionReplies } from '../repositories/wall-replies.repository';
import type { WallKeys } from './wall-keys';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the teacher moderates a response: hidden from the class, shown on the projector. */
interface ResponseModeration {
  readonly isHidden?: boolean;
  readonly isSpotlighted?: boolean;
}

/** The response wall as its teacher moderates it, and its themes. */
export class Wall {
  constructor(
    private readonly db: Queryable,
    private readonly hub: LiveHub,
    private readonly wallKeys: WallKeys,
  ) {}

  /** Open responses with their replies, of one item or all, matching a search when given. */
  async teacherResponses(
    lesson: Lesson,
    session: ClassSessionRecord,
    filter: { readonly itemId?: string | undefined; readonly search?: string | undefined },
  ): Promise<TeacherWallResponse[]> {
    const needle = filter.search?.trim().toLocaleLowerCase();
    const [answers, replies, wall] = await Promise.all([
      listSessionAnswers(this.db, session.id),
      listSessionReplies(this.db, session.id),
      this.wallKeys.forSession(session),
    ]);
    return toTeacherWallResponses(lesson, answers, replies, wall)
      .filter((r) => !filter.itemId || r.itemId === filter.itemId)
      .filter(
        (r) =>
          !needle ||
          r.text.toLocaleLowerCase().includes(needle) ||
          r.label?.toLocaleLowerCase().includes(needle),
      );
  }

  async moderate(
    lesson: Lesson,
    session: ClassSessionRecord,
    response: { readonly participantId: string; readonly itemId: string },
    moderation: ResponseModeration,
  ): Promise<TeacherWallResponse> {
    const { itemId } = response;
    if (findItem(lesson, itemId)?.item.kind !== 'prompt') {
      throw new ApiError(
        404,
        'item_not_found',
        `"${itemId}" is not a discussion prompt of this lesson.`,
      );
    }
    // With names hidden from the teacher, their wall names a response by its opaque id.
    const participantId = session.namesHiddenFromTeacher
      ? await this.authorOf(session, itemId, response.participantId)
      : response.participantId;
    if (!UUID.test(participantId)) {
      throw new ApiError(404, 'not_found', 'That student has not answered this prompt.');
    }
    if (!(await moderateAnswer(this.db, session.id, participantId, itemId, moderation))) {
      throw new ApiError(404, 'not_found', 'That student has not answered this prompt.');
    }
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'wall.changed', itemId });
    const [answers, replies, wall] = await Promise.all([
      listSessionAnswers(this.db, session.id, { participantId }),
      listSessionReplies(this.db, session.id),
      this.wallKeys.forSession(session),
    ]);
    const moderated = toTeacherWallResponses(lesson, answers, replies, wall).find(
      (r) => r.itemId === itemId,
    );
    if (!moderated) throw new ApiError(404, 'not_found', 'That response is gone.');
    return moderated;
  }

  /** The author of the response the teacher's wall knows by `responseId`; 404 when none. */
  private async authorOf(session: ClassSessionRecord, itemId: string, responseId: string) {
    const [answers, wall] = await Promise.all([
      listSessionAnswers(this.db, session.id),
      this.wallKeys.forSession(session),
    ]);
    const found = answers.find(
      (a) => a.itemId === itemId && wall.responseIdOf(a.participantId, itemId) === responseId,
    );
    if (!found) throw new ApiError(404, 'not_found', 'That student has not answered this prompt.');
    return found.participantId;
  }

  /**
   * "Names hidden from me too": from now on the teacher's views name no author on the wall and
   * no student in the opinion map's groups; the class's names become pseudonyms. One way.
   */
  async hideNamesFromTeacher(session: ClassSessionRecord): Promise<void> {
    await hideNamesFromTeacher(this.db, session.id);
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'wall.changed', itemId: null });
  }

  /** How the class's walls name authors from now on. */
  async setIdentity(session: ClassSessionRecord, wallIdentity: WallIdentity): Promise<void> {
    await setWallIdentity(this.db, session.id, wallIdentity);
    await this.hub.publish(session.id, { to: 'everyone' }, { type: 'wall.changed', itemId: null });
  }

  /** The themes of one section's visible responses to its prompts. */
  async themes(lesson: Lesson, session: ClassSessionRecord, sectionId: string) {
    const section = findSection(lesson, sectionId);
    if (!section) {
      throw new ApiError(
        404,
        'section_not_found',
        `This lesson has no section "${sectionId}".`,
        'sectionId',
      );
    }
    const promptIds = new Set(section.items.filter((i) => i.kind === 'prompt').map((i) => i.id));
    const texts = (await listSessionAnswers(this.db, session.id)).flatMap((a) =>
      promptIds.has(a.itemId) && a.answer.kind === 'prompt' && !a.isHidden ? [a.answer.text] : [],
    );
    return { sectionId, responseCount: texts.length, themes: extractThemes(texts) };
  }
}

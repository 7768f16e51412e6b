import type { Lesson } from '#domain/lesson/lesson-schema';
import type { ForecastScores, ProjectorView } from '#domain/api/dashboard-contracts';
import { answerKeyOf } from '#domain/lesson/answer-keys';
import { findItem, findSection } from '#domain/lesson/lesson-items';
import { forecastScoresForStudent } from '#domain/live/forecast-scores';
import { allItemStates, visibleItemStates } from '#domain/live/item-states';
import { computeItemResults } from '#domain/live/item-results';
import {
  classForecastScoresOf,
  resultsOf,
  toSessionSummary,
  type AuthoredAnswer,
} from '#domain/live/session-results';
import { classWallAnswers, toClassWallResponses, toWallResponses } from '#domain/live/wall-views';
import type {
  ItemResults,
  StudentSessionView,
  TeacherSessionView,
} from '#domain/api/live-contracts';
import type { Queryable } from '../db/database';
import {
  countAnswersByItem,
  listItemAnswers,
  listParticipantAnswers,
  listSessionAnswers,
} from '../repositories/answers.repository';
import {
  listForecastOutcomes,
  listItemStates,
  listSummaries,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import {
  listParticipants,
  toParticipant,
  type ParticipantRecord,
} from '../repositories/participants.repository';
import { listSessionReplies } from '../repositories/wall-replies.repository';
import { listWritingFeedback } from '../repositories/writing-feedback.repository';
import type { WallKeys } from './wall-keys';

/**
 * What the teacher, a student and the projector see of a session: the reads, each view in one
 * go. The mapping is the domain's (live/session-results, live/wall-views, live/item-states).
 */
export class SessionViews {
  constructor(
    private readonly db: Queryable,
    private readonly wallKeys: WallKeys,
    /** IDLE_SESSION_HOURS: the summaries say when an idle session ends. */
    private readonly idleSessionHours: number | null,
  ) {}

  async itemResults(
    lesson: Lesson,
    sessionId: string,
    itemId: string,
  ): Promise<ItemResults | null> {
    const found = findItem(lesson, itemId);
    if (!found) return null;
    return computeItemResults(found.item, await listItemAnswers(this.db, sessionId, itemId));
  }

  /** The class's scores on every forecast whose outcomes the teacher has revealed. */
  async classForecastScores(
    lesson: Lesson,
    sessionId: string,
    answers: readonly AuthoredAnswer[],
  ): Promise<ForecastScores[]> {
    return classForecastScoresOf(lesson, await listForecastOutcomes(this.db, sessionId), answers);
  }

  async teacherView(
    lesson: Lesson,
    session: ClassSessionRecord,
    joinUrl: string,
  ): Promise<TeacherSessionView> {
    const { db } = this;
    const [participants, stored, summaries, answerCounts, answers] = await Promise.all([
      listParticipants(db, session.id),
      listItemStates(db, session.id),
      listSummaries(db, session.id),
      countAnswersByItem(db, session.id),
      listSessionAnswers(db, session.id),
    ]);
    return {
      session: toSessionSummary(session, lesson, this.idleSessionHours),
      joinUrl,
      wallIdentity: session.wallIdentity,
      namesHiddenFromTeacher: session.namesHiddenFromTeacher,
      participants: participants.map(toParticipant),
      itemStates: allItemStates(lesson, session, stored),
      summaries,
      answerCounts,
      results: resultsOf(lesson, answers),
      forecastScores: await this.classForecastScores(lesson, session.id, answers),
    };
  }

  async studentView(
    lesson: Lesson,
    session: ClassSessionRecord,
    participant: ParticipantRecord,
  ): Promise<StudentSessionView> {
    const { db } = this;
    const [stored, summaries, myAnswers, answers, feedback, replies, sessionWall] =
      await Promise.all([
        listItemStates(db, session.id),
        listSummaries(db, session.id),
        listParticipantAnswers(db, participant.id),
        listSessionAnswers(db, session.id),
        listWritingFeedback(db, session.id, { participantId: participant.id, releasedOnly: true }),
        listSessionReplies(db, session.id),
        this.wallKeys.forSession(session),
      ]);
    const revealed = new Set(stored.filter((s) => s.isRevealed).map((s) => s.itemId));
    // Answer first: a prompt's classmates' responses reach a student once they have answered it.
    const answeredByViewer = new Set(myAnswers.map((a) => a.itemId));
    // A hidden response leaves classmates' walls; its author keeps it, marked hidden, so it does
    // not vanish from their screen without a word.
    const wall = toClassWallResponses(
      classWallAnswers(lesson, answers, { revealed, answeredByViewer }).filter(
        (a) => !a.isHidden || a.participantId === participant.id,
      ),
      replies,
      sessionWall,
      participant.id,
    );
    const myForecasts = new Map(
      myAnswers.flatMap((a) =>
        a.answer.kind === 'forecast' ? [[a.itemId, a.answer.probabilities]] : [],
      ),
    );
    const classScores = await this.classForecastScores(lesson, session.id, answers);
    const { joinCode: _code, ...summary } = toSessionSummary(
      session,
      lesson,
      this.idleSessionHours,
    );
    return {
      session: summary,
      me: {
        id: participant.id,
        displayName: participant.displayName,
        label: participant.label,
        rejoinCode: participant.rejoinCode,
      },
      itemStates: visibleItemStates(lesson, session, stored),
      summaries,
      myAnswers,
      results: resultsOf(lesson, answers, revealed),
      wall,
      wallIdentity: {
        mode: sessionWall.identity,
        myPseudonym: sessionWall.pseudonyms.get(participant.id) ?? null,
      },
      forecastScores: classScores.map((scores) =>
        forecastScoresForStudent(scores, myForecasts.get(scores.itemId)),
      ),
      writingFeedback: feedback.map(({ itemId, scores, comment, releasedAt }) => ({
        itemId,
        scores,
        comment,
        releasedAt,
      })),
      answerKeys: [...new Set([...revealed, ...feedback.map((f) => f.itemId)])].flatMap(
        (itemId) => {
          const key = answerKeyOf(lesson, itemId);
          return key ? [key] : [];
        },
      ),
    };
  }

  async projectorView(
    lesson: Lesson,
    session: ClassSessionRecord,
    joinUrl: string,
  ): Promise<ProjectorView> {
    const { db } = this;
    const [participants, stored, summaries, answers, sessionWall] = await Promise.all([
      listParticipants(db, session.id),
      listItemStates(db, session.id),
      listSummaries(db, session.id),
      listSessionAnswers(db, session.id),
      this.wallKeys.forSession(session),
    ]);
    const current = findSection(lesson, session.currentSectionId);
    const currentItemIds = new Set(current?.items.map((i) => i.id) ?? []);
    const revealedHere = new Set(
      stored.filter((s) => s.isRevealed && currentItemIds.has(s.itemId)).map((s) => s.itemId),
    );
    const classScores = await this.classForecastScores(lesson, session.id, answers);
    return {
      lessonId: lesson.id,
      lessonTitle: lesson.metadata.title,
      joinCode: session.joinCode,
      joinUrl,
      status: session.status,
      participantCount: participants.length,
      currentSectionId: session.currentSectionId,
      results: resultsOf(lesson, answers, revealedHere),
      spotlight: toWallResponses(
        lesson,
        answers.filter((a) => a.isSpotlighted && !a.isHidden),
        sessionWall,
      ),
      summary: summaries.find((s) => s.sectionId === session.currentSectionId)?.text ?? null,
      // The screen shows the class's figures only, never one student's score.
      forecastScores: classScores.map(({ students: _s, ...scores }) => scores),
    };
  }
}

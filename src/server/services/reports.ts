import type { Lesson } from '#domain/lesson/lesson-schema';
import { formatAnswerText } from '#domain/lesson/format-answer';
import { getItemQuestion } from '#domain/lesson/item-question';
import { findItem } from '#domain/lesson/lesson-items';
import { checkRubricScores } from '#domain/lesson/rubric';
import { NAMES_HIDDEN_NOTE, isNamesHiddenAnswer } from '#domain/live/names-hidden';
import { participantLabel } from '#domain/live/participant-label';
import { toTeacherWallResponses } from '#domain/live/wall-views';
import { toCsv } from '#domain/reports/csv';
import type { Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { LiveHub } from '../live/live-hub';
import { listSessionAnswers } from '../repositories/answers.repository';
import { listSummaries, type ClassSessionRecord } from '../repositories/class-sessions.repository';
import { listParticipants, listRemovedParticipants } from '../repositories/participants.repository';
import { listSpeakingTurns } from '../repositories/speaking-turns.repository';
import { findStudentRecord } from '../repositories/student-data.repository';
import { listSessionReplies } from '../repositories/wall-replies.repository';
import {
  listWritingFeedback,
  saveWritingFeedback,
} from '../repositories/writing-feedback.repository';
import type { Forecasts } from './forecasts';
import type { SessionViews } from './session-views';
import type { WallKeys } from './wall-keys';

/** How many times each key occurs. */
function countBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) {
    const key = keyOf(value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A teacher's feedback on one piece of writing. */
interface WritingFeedbackInput {
  readonly participantId: string;
  readonly itemId: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly comment: string;
  readonly release: boolean;
}

/** What a session leaves behind: its report, writing feedback, transcripts and the export. */
export class Reports {
  constructor(
    private readonly db: Queryable,
    private readonly hub: LiveHub,
    private readonly views: SessionViews,
    private readonly wallKeys: WallKeys,
    private readonly forecasts: Forecasts,
  ) {}

  async report(lesson: Lesson, session: ClassSessionRecord) {
    const { db } = this;
    const [participants, removed, summaries, answers, removedAnswers, feedback, turns, replies] =
      await Promise.all([
        listParticipants(db, session.id),
        listRemovedParticipants(db, session.id),
        listSummaries(db, session.id),
        listSessionAnswers(db, session.id),
        listSessionAnswers(db, session.id, { includeRemoved: true }),
        listWritingFeedback(db, session.id),
        listSpeakingTurns(db, session.id),
        listSessionReplies(db, session.id),
      ]);
    const answeredByItem = countBy(answers, (a) => a.itemId);
    const answeredByParticipant = countBy(answers, (a) => a.participantId);
    return {
      sessionId: session.id,
      lessonId: session.lessonId,
      lessonTitle: lesson.metadata.title,
      lessonVersion: session.lessonVersion,
      participants: participants.map((p) => ({
        id: p.id,
        label: p.label,
        joinedAt: p.joinedAt,
        answers: answeredByParticipant.get(p.id) ?? 0,
      })),
      sections: lesson.sections.map((section) => ({
        sectionId: section.id,
        items: section.items.map((item) => ({
          itemId: item.id,
          answered: answeredByItem.get(item.id) ?? 0,
        })),
        summary: summaries.find((s) => s.sectionId === section.id)?.text ?? null,
      })),
      responses: toTeacherWallResponses(
        lesson,
        answers,
        replies,
        await this.wallKeys.forSession(session),
      ),
      forecastScores: await this.views.classForecastScores(lesson, session.id, answers),
      forecastQuestions: (
        await this.forecasts.teacherView([session], {
          kind: 'session',
          sessionId: session.id,
        })
      ).questions,
      writing: answers.flatMap((a) => {
        if (a.answer.kind !== 'writing') return [];
        const given = feedback.find(
          (f) => f.itemId === a.itemId && f.participantId === a.participantId,
        );
        return [
          {
            itemId: a.itemId,
            participantId: a.participantId,
            label: participantLabel(a.displayName, a.nameNumber),
            text: a.answer.text,
            feedback: given
              ? {
                  itemId: given.itemId,
                  scores: given.scores,
                  comment: given.comment,
                  releasedAt: given.releasedAt,
                }
              : null,
          },
        ];
      }),
      speakingTurns: turns,
      removedParticipants: removed.map((p) => ({
        id: p.id,
        label: p.label,
        joinedAt: p.joinedAt,
        answers: removedAnswers.filter((a) => a.participantId === p.id).length,
      })),
    };
  }

  /** Scores a student's writing by the item's rubric; released feedback is told to them. */
  async scoreWriting(lesson: Lesson, session: ClassSessionRecord, input: WritingFeedbackInput) {
    const { itemId, participantId } = input;
    const item = findItem(lesson, itemId)?.item;
    if (item?.kind !== 'writing') {
      throw new ApiError(
        404,
        'item_not_found',
        `"${itemId}" is not a writing task of this lesson.`,
        'itemId',
      );
    }
    const wrote = (await listSessionAnswers(this.db, session.id, { participantId })).find(
      (a) => a.itemId === itemId && a.answer.kind === 'writing',
    );
    if (!wrote) {
      throw new ApiError(
        404,
        'not_found',
        'That student has not handed in this writing task in this session.',
      );
    }
    const problem = checkRubricScores(item, input.scores);
    if (problem) throw new ApiError(400, 'invalid_input', `scores: ${problem}`, 'scores');
    const saved = await saveWritingFeedback(this.db, { sessionId: session.id, ...input });
    await this.hub.publish(
      session.id,
      { to: 'participant', participantId },
      { type: 'feedback.released', itemId },
    );
    return {
      itemId: saved.itemId,
      scores: saved.scores,
      comment: saved.comment,
      releasedAt: saved.releasedAt,
    };
  }

  /**
   * Everything one student answered, removed students too; with names hidden from the teacher,
   * not their answers to the session's discussion prompts (the wall), and a note saying so.
   */
  async transcript(lesson: Lesson, session: ClassSessionRecord, participantId: string) {
    // Removed students too: their answers are still stored, and the teacher may be asked for them.
    const participant = await findStudentRecord(this.db, session.id, participantId);
    if (!participant) throw new ApiError(404, 'not_found', 'That student is not in this session.');
    const answers = await listSessionAnswers(this.db, session.id, {
      participantId,
      includeRemoved: true,
    });
    return {
      participant: {
        id: participant.id,
        label: participant.label,
        joinedAt: participant.joinedAt,
      },
      entries: answers
        .filter((a) => !(session.namesHiddenFromTeacher && isNamesHiddenAnswer(lesson, a)))
        .map((a) => ({ itemId: a.itemId, answer: a.answer, updatedAt: a.updatedAt })),
      namesHiddenNote: session.namesHiddenFromTeacher ? NAMES_HIDDEN_NOTE : null,
    };
  }

  /**
   * Every answer of the session as CSV, one row per student and item. With names hidden from the
   * teacher, a discussion-prompt row keeps its student and question but not the answer or its
   * time, and its note column says why.
   */
  async answersCsv(lesson: Lesson, session: ClassSessionRecord): Promise<string> {
    const answers = await listSessionAnswers(this.db, session.id);
    const sectionIndex = new Map(lesson.sections.map((s, i) => [s.id, i]));
    const rows = answers.flatMap((a) => {
      const found = findItem(lesson, a.itemId);
      if (!found) return [];
      const hidden = session.namesHiddenFromTeacher && isNamesHiddenAnswer(lesson, a);
      return [
        [
          participantLabel(a.displayName, a.nameNumber),
          (sectionIndex.get(found.section.id) ?? 0) + 1,
          found.section.title,
          a.itemId,
          found.item.kind,
          getItemQuestion(found.item),
          hidden ? '' : formatAnswerText(found.item, a.answer),
          hidden ? '' : a.updatedAt,
          hidden ? NAMES_HIDDEN_NOTE : '',
        ],
      ];
    });
    return toCsv(
      [
        'student',
        'section',
        'section_title',
        'item_id',
        'item_kind',
        'question',
        'answer',
        'answered_at',
        'note',
      ],
      rows,
    );
  }
}

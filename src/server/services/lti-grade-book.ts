import type { Answer } from '#domain/lesson/answers';
import { findItem } from '#domain/lesson/lesson-items';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { rubricTotal, scoredTotal } from '#domain/lesson/rubric';
import { completionOf, gradeOf, hasFinished, type Grade } from '#domain/lti/grade';
import { mean } from '#domain/scoring/aggregate';
import type { Queryable } from '../db/database';
import { listSessionAnswers } from '../repositories/answers.repository';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { listWritingFeedback } from '../repositories/writing-feedback.repository';
import { questionKey } from './forecast-board';
import { scoreBoard } from './forecast-board-scores';
import type { Forecasts } from './forecasts';

/** A student's grade as it stands, and whether they have finished (only then is it sent). */
export interface StudentGrade {
  readonly participantId: string;
  readonly isFinished: boolean;
  readonly grade: Grade;
}

/**
 * Works out the grades of a session's students from what the report shows: their answers, the
 * time-weighted Brier of their forecasts on the forecasts pages (the forecasting domain's
 * scoring), and the rubric marks the teacher released. The rule is the domain's (lti/grade).
 */
export async function gradeSession(
  db: Queryable,
  forecasts: Forecasts,
  lesson: Lesson,
  session: ClassSessionRecord,
  participantIds: readonly string[],
): Promise<StudentGrade[]> {
  const [answers, feedback, board] = await Promise.all([
    listSessionAnswers(db, session.id),
    listWritingFeedback(db, session.id),
    forecasts.board([session]),
  ]);
  const scored = scoreBoard(board);
  return participantIds.map((participantId) => {
    const mine = new Map<string, Answer>(
      answers.filter((a) => a.participantId === participantId).map((a) => [a.itemId, a.answer]),
    );
    const completion = completionOf(lesson, mine);

    const briers = scored.flatMap(({ scores }) => {
      const score = scores.forecasters.find((f) => f.id === participantId)?.score;
      return score ? [score.brier] : [];
    });
    const meanBrier = mean(briers);
    const isForecastPending = scored.some(
      ({ question }) =>
        question.status !== 'resolved' &&
        (board.versions.get(questionKey(session.id, question.item.id))?.has(participantId) ??
          false),
    );

    const released = feedback.filter((f) => f.participantId === participantId && f.releasedAt);
    let points = 0;
    let possible = 0;
    for (const given of released) {
      const item = findItem(lesson, given.itemId)?.item;
      if (item?.kind !== 'writing') continue;
      points += scoredTotal(item, given.scores);
      possible += rubricTotal(item);
    }
    const tasks = released.length;
    const isWritingPending = [...mine].some(
      ([itemId, answer]) =>
        answer.kind === 'writing' && !released.some((given) => given.itemId === itemId),
    );

    const isFinished = hasFinished({
      sessionStatus: session.status,
      mode: session.mode,
      completion,
    });
    return {
      participantId,
      isFinished,
      grade: gradeOf({
        isFinished,
        completion,
        forecast: meanBrier === null ? null : { meanBrier, questions: briers.length },
        writing: possible > 0 ? { points, of: possible, tasks } : null,
        isAwaitingMarks: isForecastPending || isWritingPending,
      }),
    };
  });
}

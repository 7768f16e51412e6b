import type { ForecastScores, ScenarioOutcome } from '../api/dashboard-contracts';
import type { ItemResults, SessionSummary } from '../api/live-contracts';
import type { Answer } from '../lesson/answers';
import { findItem } from '../lesson/lesson-items';
import type { Lesson } from '../lesson/lesson-schema';
import { computeForecastScores } from './forecast-scores';
import { computeItemResults } from './item-results';
import { participantLabel } from './participant-label';

/** One stored answer with its author, as the class's results read it. */
export interface AuthoredAnswer {
  readonly participantId: string;
  readonly displayName: string;
  readonly nameNumber: number;
  readonly itemId: string;
  readonly answer: Answer;
}

/**
 * A session as its summary shows it: everything but the lesson's title, which the lesson has,
 * and the idle end, which counts from its last activity.
 */
type SummarisedSession = Omit<SessionSummary, 'lessonTitle' | 'idleEndsAt'> & {
  readonly lastActivityAt: string;
};

const HOUR_MS = 3600 * 1000;

/**
 * When a session ends on its own if nobody uses it: `idleSessionHours` after its last activity,
 * unless it has ended, its teacher keeps it open or idle sessions never end (null hours).
 */
export function idleEndOf(session: SummarisedSession, idleSessionHours: number | null) {
  if (session.status !== 'open' || session.keepOpen || idleSessionHours === null) return null;
  return new Date(
    new Date(session.lastActivityAt).getTime() + idleSessionHours * HOUR_MS,
  ).toISOString();
}

export function toSessionSummary(
  session: SummarisedSession,
  lesson: Lesson,
  idleSessionHours: number | null,
): SessionSummary {
  return {
    id: session.id,
    lessonId: session.lessonId,
    lessonTitle: lesson.metadata.title,
    lessonVersion: session.lessonVersion,
    mode: session.mode,
    status: session.status,
    joinCode: session.joinCode,
    currentSectionId: session.currentSectionId,
    createdAt: session.createdAt,
    endedAt: session.endedAt,
    endedBy: session.endedBy,
    keepOpen: session.keepOpen,
    idleEndsAt: idleEndOf(session, idleSessionHours),
  };
}

function groupAnswersByItem(answers: readonly AuthoredAnswer[]): Map<string, Answer[]> {
  const byItem = new Map<string, Answer[]>();
  for (const record of answers) {
    const list = byItem.get(record.itemId) ?? [];
    list.push(record.answer);
    byItem.set(record.itemId, list);
  }
  return byItem;
}

/** Results of the given items (or of every item with answers), from one read of the answers. */
export function resultsOf(
  lesson: Lesson,
  answers: readonly AuthoredAnswer[],
  onlyItemIds?: ReadonlySet<string>,
): ItemResults[] {
  const results: ItemResults[] = [];
  for (const [itemId, itemAnswers] of groupAnswersByItem(answers)) {
    if (onlyItemIds && !onlyItemIds.has(itemId)) continue;
    const found = findItem(lesson, itemId);
    if (found) results.push(computeItemResults(found.item, itemAnswers));
  }
  return results;
}

/** A forecast's outcomes as the teacher revealed them. */
interface RevealedOutcomes {
  readonly itemId: string;
  readonly outcomes: Readonly<Record<string, ScenarioOutcome>>;
}

/** The class's scores on every forecast whose outcomes the teacher has revealed. */
export function classForecastScoresOf(
  lesson: Lesson,
  revealed: readonly RevealedOutcomes[],
  answers: readonly AuthoredAnswer[],
): ForecastScores[] {
  return revealed.flatMap(({ itemId, outcomes }) => {
    const found = findItem(lesson, itemId);
    if (found?.item.kind !== 'forecast') return [];
    const forecasts = answers.flatMap((record) =>
      record.itemId === itemId && record.answer.kind === 'forecast'
        ? [
            {
              participantId: record.participantId,
              label: participantLabel(record.displayName, record.nameNumber),
              probabilities: record.answer.probabilities,
            },
          ]
        : [],
    );
    return [computeForecastScores(found.item, outcomes, forecasts)];
  });
}

import type { RubricCriterion, WritingItem } from './lesson-schema';

/** The points a writing task's rubric can give in all. */
export function rubricTotal(item: Pick<WritingItem, 'rubric'>): number {
  return item.rubric.reduce((sum, criterion) => sum + criterion.points, 0);
}

/** The points given, added up (criteria the rubric does not have are not counted). */
export function scoredTotal(
  item: Pick<WritingItem, 'rubric'>,
  scores: Readonly<Record<string, number>>,
): number {
  return item.rubric.reduce((sum, criterion) => sum + (scores[criterion.id] ?? 0), 0);
}

/**
 * What is wrong with a teacher's scores for a piece of writing, or null: every criterion of the
 * rubric scored, each a whole number from 0 to its points, and no criterion it does not have.
 */
export function checkRubricScores(
  item: Pick<WritingItem, 'rubric'>,
  scores: Readonly<Record<string, number>>,
): string | null {
  const unknown = Object.keys(scores).filter((id) => !item.rubric.some((c) => c.id === id));
  if (unknown.length > 0) return `this rubric has no criterion ${unknown.join(', ')}`;
  const missing = item.rubric.filter((c) => !(c.id in scores)).map((c) => c.id);
  if (missing.length > 0)
    return `score every criterion of the rubric (missing: ${missing.join(', ')})`;
  for (const criterion of item.rubric) {
    const given = scores[criterion.id] ?? 0;
    if (!Number.isInteger(given) || given < 0 || given > criterion.points) {
      return `${criterion.id} takes a whole number from 0 to ${criterion.points}`;
    }
  }
  return null;
}

/**
 * How a score on a criterion reads: "level 3 of 4 — <its descriptor>" for a criterion with
 * levels ("not shown (0 of 4)" for none), "3 of 4" for one without.
 */
export function describeScore(
  criterion: Pick<RubricCriterion, 'points' | 'levels'>,
  score: number,
): string {
  const { points, levels } = criterion;
  if (levels === undefined) return `${score} of ${points}`;
  if (score === 0) return `not shown (0 of ${points})`;
  const descriptor = levels[score - 1];
  return descriptor === undefined
    ? `${score} of ${points}`
    : `level ${score} of ${points} — ${descriptor}`;
}

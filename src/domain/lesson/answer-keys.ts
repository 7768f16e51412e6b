import type { DeepReadonly } from '../live/deep-readonly';
import type {
  ItemAnswerKey,
  StudentClaimCheckItem,
  StudentForecastItem,
  StudentItem,
  StudentLesson,
} from './answer-key-schemas';
import type { ClaimCheckItem, ForecastItem, Lesson } from './lesson-schema';

/*
 * A lesson's answer keys are what would spoil its questions, or is the teacher's alone: each
 * claim's expected category and explanation, each forecast scenario's resolution (what
 * happened), a writing task's model answer and each section's teacher notes. Students get the
 * lesson without them (`stripAnswerKeys`); an item's key (`answerKeyOf`) reaches them once the
 * item is done in self-study or revealed in class, and `withAnswerKeys` puts it back in.
 */

/** The lesson without any answer key: what students get before anything is done or revealed. */
export function stripAnswerKeys(lesson: Lesson): StudentLesson {
  return {
    ...lesson,
    sections: lesson.sections.map(({ teacherNotes: _notes, ...section }) => ({
      ...section,
      items: section.items.map((item): StudentItem => {
        switch (item.kind) {
          case 'claimCheck':
            return {
              ...item,
              claims: item.claims.map(({ expected: _e, explanation: _x, ...claim }) => claim),
            };
          case 'forecast':
            return {
              ...item,
              scenarios: item.scenarios.map(({ resolution: _r, ...scenario }) => scenario),
            };
          case 'writing': {
            const { modelAnswer: _m, ...rest } = item;
            return rest;
          }
          default:
            return item;
        }
      }),
    })),
  };
}

/** The key of one of the lesson's items; null when the lesson has no such item or it has none. */
export function answerKeyOf(lesson: Lesson, itemId: string): ItemAnswerKey | null {
  const item = lesson.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  switch (item?.kind) {
    case 'claimCheck':
      return {
        itemId,
        kind: 'claimCheck',
        claims: item.claims.map(({ id, expected, explanation }) => ({ id, expected, explanation })),
      };
    case 'forecast':
      return {
        itemId,
        kind: 'forecast',
        scenarios: item.scenarios.map(({ id, resolution }) => ({
          id,
          resolution: resolution ?? null,
        })),
      };
    case 'writing':
      return { itemId, kind: 'writing', modelAnswer: item.modelAnswer };
    default:
      return null;
  }
}

/** The lesson with these items' keys put back (a key for another lesson's item is ignored). */
export function withAnswerKeys(
  lesson: StudentLesson,
  keys: readonly DeepReadonly<ItemAnswerKey>[],
): StudentLesson {
  if (keys.length === 0) return lesson;
  const byItem = new Map(keys.map((key) => [key.itemId, key]));
  return {
    ...lesson,
    sections: lesson.sections.map((section) => ({
      ...section,
      items: section.items.map((item): StudentItem => {
        const key = byItem.get(item.id);
        if (item.kind === 'claimCheck' && key?.kind === 'claimCheck') {
          const claims = new Map(key.claims.map((claim) => [claim.id, claim]));
          return {
            ...item,
            claims: item.claims.map((claim) => ({
              ...claim,
              ...claims.get(claim.id),
              id: claim.id,
            })),
          };
        }
        if (item.kind === 'forecast' && key?.kind === 'forecast') {
          const scenarios = new Map(key.scenarios.map((s) => [s.id, s.resolution]));
          return {
            ...item,
            scenarios: item.scenarios.map((scenario) =>
              scenarios.has(scenario.id)
                ? { ...scenario, resolution: scenarios.get(scenario.id) ?? null }
                : scenario,
            ),
          };
        }
        if (item.kind === 'writing' && key?.kind === 'writing') {
          return { ...item, modelAnswer: key.modelAnswer };
        }
        return item;
      }),
    })),
  };
}

/** The claim check whole, once its key is in; null while it is not. */
export function keyedClaimCheck(item: StudentClaimCheckItem): ClaimCheckItem | null {
  const claims = item.claims.flatMap(({ expected, explanation, ...claim }) =>
    expected === undefined || explanation === undefined
      ? []
      : [{ ...claim, expected, explanation }],
  );
  return claims.length === item.claims.length ? { ...item, claims } : null;
}

/**
 * The forecast whole, once its key (what happened, or that it is not known yet) is in; null
 * while it is not.
 */
export function keyedForecast(item: StudentForecastItem): ForecastItem | null {
  if (item.scenarios.some(({ resolution }) => resolution === undefined)) return null;
  const scenarios = item.scenarios.map(({ resolution, ...scenario }) =>
    resolution ? { ...scenario, resolution } : scenario,
  );
  return { ...item, scenarios };
}

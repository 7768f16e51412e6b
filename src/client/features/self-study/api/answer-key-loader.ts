import type { ItemAnswerKey, StudentLesson } from '#domain/lesson/answer-key-schemas';
import { withAnswerKeys } from '#domain/lesson/answer-keys';
import type { AnswersByItem } from '#domain/lesson/answers';
import type { endpoints } from '#domain/api/endpoints';
import { callEndpointUnparsed } from '#shared/lib/api-client';
import { getReveal } from '../lib/reveal';

/**
 * The answer keys of a shared lesson's done items, fetched and kept (see answer-keys.ts): loaded
 * only once an item is done, so the student's first download stays within its budget.
 */

type AnswerKeyEndpoint = (typeof endpoints)['sharedLessonAnswerKey'];

/** The contract's own method and path: the type checker refuses any other. */
const answerKeyEndpoint: Pick<AnswerKeyEndpoint, 'method' | 'path'> = {
  method: 'GET',
  path: '/api/shared-lessons/:shareKey/versions/:versionId/keys/:itemId',
};

const keys = new Map<string, ItemAnswerKey>();
const inFlight = new Set<string>();
const listeners = new Set<() => void>();
let snapshot: ReadonlyMap<string, ItemAnswerKey> = new Map();

const cacheKey = (shareKey: string, versionId: string, itemId: string) =>
  `${shareKey}/${versionId}/${itemId}`;

/** A light check, without zod (see lesson-version-check.ts): the fields the pages read. */
function isAnswerKey(body: unknown, itemId: string): body is ItemAnswerKey {
  if (typeof body !== 'object' || body === null) return false;
  const key = body as Partial<Record<string, unknown>>;
  if (key.itemId !== itemId) return false;
  if (key.kind === 'writing') return typeof key.modelAnswer === 'string';
  if (key.kind === 'claimCheck') return Array.isArray(key.claims);
  if (key.kind === 'forecast') return Array.isArray(key.scenarios);
  return false;
}

const KEYED_KINDS: ReadonlySet<string> = new Set(['claimCheck', 'forecast', 'writing']);

/** The items whose keys are due: done, as the review reveals them (reveal.ts). */
export function dueItemIds(
  lesson: StudentLesson,
  answers: AnswersByItem,
  skippedItemIds: ReadonlySet<string>,
): string[] {
  const reveal = getReveal(lesson, answers, skippedItemIds);
  return lesson.sections
    .flatMap((section) => section.items)
    .filter((item) => KEYED_KINDS.has(item.kind) && reveal.isItemRevealed(item))
    .map((item) => item.id);
}

/** Asks for the keys of these items that are neither here nor on their way. */
export function fetchKeys(shareKey: string, versionId: string, itemIds: readonly string[]) {
  for (const itemId of itemIds) {
    const id = cacheKey(shareKey, versionId, itemId);
    if (keys.has(id) || inFlight.has(id)) continue;
    inFlight.add(id);
    callEndpointUnparsed(answerKeyEndpoint, { shareKey, versionId, itemId }).then(
      (body) => {
        inFlight.delete(id);
        if (!isAnswerKey(body, itemId)) {
          console.error(`The answer key of "${itemId}" came in a shape this page cannot read.`);
          return;
        }
        keys.set(id, body);
        snapshot = new Map(keys);
        for (const listener of listeners) listener();
      },
      (error: unknown) => {
        inFlight.delete(id);
        // Offline, most often: the page says the answer shows once back online, and asks again.
        console.warn(`The answer key of "${itemId}" could not be fetched.`, error);
      },
    );
  }
}

export function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const getSnapshot = () => snapshot;

/** The lesson with the keys held of these items. */
export function withHeldKeys(
  lesson: StudentLesson,
  held: ReadonlyMap<string, ItemAnswerKey>,
  shareKey: string,
  versionId: string,
  itemIds: readonly string[],
): StudentLesson {
  return withAnswerKeys(
    lesson,
    itemIds.flatMap((itemId) => held.get(cacheKey(shareKey, versionId, itemId)) ?? []),
  );
}

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { StudentLesson } from '#domain/lesson/answer-key-schemas';
import type { StudentLessonVersion } from '#domain/api/lesson-library-contracts';
import { useSelfStudy } from '../stores/use-self-study';

/**
 * The answer keys of a shared lesson's items, asked of the server one item at a time once the
 * student has done it (the lesson itself comes without them, so nothing is spoiled before).
 * Kept in memory for the page's life; the service worker keeps each answer too, so a key once
 * fetched shows offline, as the lesson does. An item done offline gets its key when the
 * connection is back. The fetching (answer-key-loader.ts) loads once an item is done.
 */

type Loader = typeof import('./answer-key-loader');
let loaded: Loader | null = null;

const NOTHING_HELD = new Map<string, never>();
const subscribeToNothing = () => () => undefined;

/**
 * The lesson with the keys of the items the student has done (answered in full, or all of the
 * lesson finished, as the review shows them), fetching those not yet here.
 */
export function useLessonWithDoneKeys(
  shareKey: string,
  version: StudentLessonVersion,
): StudentLesson {
  const { lesson, versionId } = version;
  const { answers, skippedItemIds } = useSelfStudy(shareKey, lesson);
  const [loader, setLoader] = useState(loaded);
  const held = useSyncExternalStore(
    loader?.subscribe ?? subscribeToNothing,
    loader?.getSnapshot ?? (() => NOTHING_HELD),
  );
  // Nothing is done before the first answer or skip: the loader waits for one.
  const hasWork = Object.keys(answers).length > 0 || skippedItemIds.size > 0;
  const dueItemIds = useMemo(
    () => loader?.dueItemIds(lesson, answers, skippedItemIds) ?? [],
    [loader, lesson, answers, skippedItemIds],
  );
  useEffect(() => {
    if (!hasWork) return;
    const fetchDue = () => {
      import('./answer-key-loader').then(
        (module) => {
          loaded = module;
          setLoader(module);
          module.fetchKeys(shareKey, versionId, module.dueItemIds(lesson, answers, skippedItemIds));
        },
        (error: unknown) => {
          console.warn('The answer keys could not be loaded.', error);
        },
      );
    };
    fetchDue();
    window.addEventListener('online', fetchDue);
    return () => {
      window.removeEventListener('online', fetchDue);
    };
  }, [hasWork, shareKey, versionId, lesson, answers, skippedItemIds]);
  return useMemo(
    () => (loader ? loader.withHeldKeys(lesson, held, shareKey, versionId, dueItemIds) : lesson),
    [loader, lesson, held, shareKey, versionId, dueItemIds],
  );
}

import { useEffect, useMemo } from 'react';
import type { Answer, AnswersByItem } from '#domain/lesson/answers';
import type { StudentLesson as Lesson } from '#domain/lesson/answer-key-schemas';
import { lessonFingerprints } from '../lib/item-fingerprint';
import { hasWorkWithoutFingerprints, keepWork } from '../lib/keep-work';
import { answersOf, skippedItemIdsOf } from '../lib/saved-work';
import { useLessonWork, useSelfStudyStore } from './self-study-store';

const NO_ANSWERS: AnswersByItem = {};
const NO_SKIPS: ReadonlySet<string> = new Set();

/**
 * A lesson's self-study work, as it stands against the version of the lesson shown, with the
 * store's actions bound to that lesson. `lessonKey` is the lesson's share key.
 */
export function useSelfStudy(lessonKey: string, lesson: Lesson) {
  const stored = useLessonWork(lessonKey);
  // What a newer version of the lesson dropped is never shown, even before the store drops it.
  const work = useMemo(() => stored && keepWork(stored, lesson, 0), [stored, lesson]);
  const keepLessonWork = useSelfStudyStore((state) => state.keepLessonWork);
  useEffect(() => {
    if (stored !== work) keepLessonWork(lessonKey, lesson);
  }, [stored, work, keepLessonWork, lessonKey, lesson]);
  const needsFits = work !== undefined && hasWorkWithoutFingerprints(work);
  useEffect(() => {
    if (!needsFits) return;
    import('#domain/lesson/check-answer').then(
      ({ checkAnswerForItem }) => {
        keepLessonWork(lessonKey, lesson, (item, answer) => {
          return checkAnswerForItem(item, answer, { allowIncomplete: true }) === null;
        });
      },
      (error: unknown) => {
        // The work stays as it was, shown, and is checked at the next load.
        console.error('Could not load the answer checks to adopt earlier work.', error);
      },
    );
  }, [needsFits, keepLessonWork, lessonKey, lesson]);
  const items = work?.items;
  const answers = useMemo(() => (items ? answersOf(items) : NO_ANSWERS), [items]);
  const skippedItemIds = useMemo(
    () => (items ? new Set(skippedItemIdsOf(items)) : NO_SKIPS),
    [items],
  );
  const answerItem = useSelfStudyStore((state) => state.answerItem);
  const skipItem = useSelfStudyStore((state) => state.skipItem);
  const visitSection = useSelfStudyStore((state) => state.visitSection);
  const startOver = useSelfStudyStore((state) => state.startOver);
  const fingerprints = lessonFingerprints(lesson);
  const fingerprintOf = (itemId: string) => fingerprints.get(itemId) ?? '';
  return {
    hasStarted: work !== undefined,
    answers,
    skippedItemIds,
    lastSectionId: work?.lastSectionId ?? null,
    answerItem: (itemId: string, answer: Answer) => {
      answerItem(lessonKey, itemId, answer, fingerprintOf(itemId));
    },
    skipItem: (itemId: string) => {
      skipItem(lessonKey, itemId, fingerprintOf(itemId));
    },
    visitSection: visitSection.bind(null, lessonKey),
    startOver: startOver.bind(null, lessonKey),
  };
}

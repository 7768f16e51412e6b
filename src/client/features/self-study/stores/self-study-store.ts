import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Answer } from '../../../../domain/lesson/answers';
import { findLesson, findLessonItem } from '../../../shared/lib/lesson-catalog';
import { restoreWork } from '../lib/restore-work';

/** One student's self-study work on one lesson, kept on their device. */
export interface LessonWork {
  readonly answers: Readonly<Record<string, Answer>>;
  readonly skippedItemIds: readonly string[];
  /** Where "resume" takes the student. */
  readonly lastSectionId: string | null;
  readonly startedAt: string;
  readonly updatedAt: string;
}

interface SelfStudyState {
  readonly workByLesson: Readonly<Record<string, LessonWork>>;
  answerItem: (lessonId: string, itemId: string, answer: Answer) => void;
  skipItem: (lessonId: string, itemId: string) => void;
  visitSection: (lessonId: string, sectionId: string) => void;
  startOver: (lessonId: string) => void;
}

function emptyWork(now: string): LessonWork {
  return { answers: {}, skippedItemIds: [], lastSectionId: null, startedAt: now, updatedAt: now };
}

function updateWork(
  state: SelfStudyState,
  lessonId: string,
  change: (work: LessonWork) => Partial<LessonWork>,
): Pick<SelfStudyState, 'workByLesson'> {
  const now = new Date().toISOString();
  const work = state.workByLesson[lessonId] ?? emptyWork(now);
  return {
    workByLesson: {
      ...state.workByLesson,
      [lessonId]: { ...work, ...change(work), updatedAt: now },
    },
  };
}

export const SELF_STUDY_STORAGE_KEY = 'article-discussion:self-study';

export const useSelfStudyStore = create<SelfStudyState>()(
  persist(
    (set) => ({
      workByLesson: {},
      answerItem: (lessonId, itemId, answer) => {
        set((state) =>
          updateWork(state, lessonId, (work) => ({
            answers: { ...work.answers, [itemId]: answer },
            // Answering a skipped item takes it back from the skipped list.
            skippedItemIds: work.skippedItemIds.filter((id) => id !== itemId),
          })),
        );
      },
      skipItem: (lessonId, itemId) => {
        set((state) =>
          updateWork(state, lessonId, (work) => ({
            skippedItemIds: work.skippedItemIds.includes(itemId)
              ? work.skippedItemIds
              : [...work.skippedItemIds, itemId],
          })),
        );
      },
      visitSection: (lessonId, sectionId) => {
        set((state) => {
          if (state.workByLesson[lessonId]?.lastSectionId === sectionId) return state;
          return updateWork(state, lessonId, () => ({ lastSectionId: sectionId }));
        });
      },
      startOver: (lessonId) => {
        set((state) => {
          const rest = Object.fromEntries(
            Object.entries(state.workByLesson).filter(([id]) => id !== lessonId),
          );
          return { workByLesson: rest };
        });
      },
    }),
    {
      name: SELF_STUDY_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ workByLesson: state.workByLesson }),
      merge: (persisted, current) => ({
        ...current,
        workByLesson: restoreWork(persisted, (lessonId, itemId) => {
          const lesson = findLesson(lessonId);
          return lesson ? findLessonItem(lesson, itemId)?.item : undefined;
        }),
      }),
    },
  ),
);

const NO_WORK: LessonWork | undefined = undefined;

export function useLessonWork(lessonId: string): LessonWork | undefined {
  return useSelfStudyStore((state) => state.workByLesson[lessonId] ?? NO_WORK);
}

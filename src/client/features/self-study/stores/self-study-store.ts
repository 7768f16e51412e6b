import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Answer } from '../../../../domain/lesson/answers';
import { findLesson, findLessonItem } from '../../../shared/lib/lesson-catalog';
import { isSameSavedWork, mergeSavedWork } from '../lib/merge-work';
import { restoreWork } from '../lib/restore-work';
import { changeTime, type LessonWork, type SavedWork } from '../lib/saved-work';
import { canUseLocalStorage, SAVED_WORK_VERSION, savedWorkStorage } from './saved-work-storage';

/** A lesson's item, to drop restored answers that no longer fit it. */
function findSavedItem(lessonId: string, itemId: string) {
  const lesson = findLesson(lessonId);
  return lesson ? findLessonItem(lesson, itemId)?.item : undefined;
}

interface SelfStudyState extends SavedWork {
  answerItem: (lessonId: string, itemId: string, answer: Answer) => void;
  skipItem: (lessonId: string, itemId: string) => void;
  visitSection: (lessonId: string, sectionId: string) => void;
  startOver: (lessonId: string) => void;
}

function updateWork(
  state: SelfStudyState,
  lessonId: string,
  change: (work: LessonWork, at: number) => Partial<LessonWork>,
): Pick<SelfStudyState, 'workByLesson'> {
  const at = changeTime();
  const work = state.workByLesson[lessonId] ?? {
    items: {},
    lastSectionId: null,
    lastSectionAt: 0,
    startedAt: at,
  };
  return {
    workByLesson: { ...state.workByLesson, [lessonId]: { ...work, ...change(work, at) } },
  };
}

const savedWorkOf = (state: SavedWork): SavedWork => ({
  workByLesson: state.workByLesson,
  startedOverAt: state.startedOverAt,
});

export const SELF_STUDY_STORAGE_KEY = 'article-discussion:self-study';

export const useSelfStudyStore = create<SelfStudyState>()(
  persist(
    (set) => ({
      workByLesson: {},
      startedOverAt: {},
      answerItem: (lessonId, itemId, answer) => {
        set((state) =>
          updateWork(state, lessonId, (work, at) => ({
            // Answering a skipped item takes it back from the skipped ones.
            items: { ...work.items, [itemId]: { answer, isSkipped: false, at } },
          })),
        );
      },
      skipItem: (lessonId, itemId) => {
        set((state) => {
          const item = state.workByLesson[lessonId]?.items[itemId];
          if (item?.isSkipped) return state;
          return updateWork(state, lessonId, (work, at) => ({
            items: {
              ...work.items,
              [itemId]: { answer: item?.answer ?? null, isSkipped: true, at },
            },
          }));
        });
      },
      visitSection: (lessonId, sectionId) => {
        set((state) => {
          if (state.workByLesson[lessonId]?.lastSectionId === sectionId) return state;
          return updateWork(state, lessonId, (_work, at) => ({
            lastSectionId: sectionId,
            lastSectionAt: at,
          }));
        });
      },
      startOver: (lessonId) => {
        set((state) => {
          const rest = Object.fromEntries(
            Object.entries(state.workByLesson).filter(([id]) => id !== lessonId),
          );
          return {
            workByLesson: rest,
            startedOverAt: { ...state.startedOverAt, [lessonId]: changeTime() },
          };
        });
      },
    }),
    {
      name: SELF_STUDY_STORAGE_KEY,
      version: SAVED_WORK_VERSION,
      storage: canUseLocalStorage() ? savedWorkStorage : undefined,
      partialize: (state) => savedWorkOf(state),
      // Loading, and again whenever another tab saves: what is stored joins this tab's copy.
      merge: (persisted, current) => {
        const mine = savedWorkOf(current);
        const merged = mergeSavedWork(mine, restoreWork(persisted, findSavedItem));
        return isSameSavedWork(merged, mine) ? current : { ...current, ...merged };
      },
    },
  ),
);

/**
 * Keeps every open tab in step: another tab's save fires a storage event here, and a tab the
 * browser froze in the background catches up when it is shown again.
 */
function followOtherTabs() {
  const catchUp = () => {
    void useSelfStudyStore.persist.rehydrate();
  };
  window.addEventListener('storage', (event) => {
    if (event.key === SELF_STUDY_STORAGE_KEY || event.key === null) catchUp();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') catchUp();
  });
}
if (typeof window !== 'undefined') followOtherTabs();

const NO_WORK: LessonWork | undefined = undefined;

export function useLessonWork(lessonId: string): LessonWork | undefined {
  return useSelfStudyStore((state) => state.workByLesson[lessonId] ?? NO_WORK);
}

import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Answer } from '#domain/lesson/answers';
import type { StudentLesson as Lesson } from '#domain/lesson/answer-key-schemas';
import { keepWork, type AnswerFits } from '../lib/keep-work';
import { isSameSavedWork, mergeSavedWork } from '../lib/merge-work';
import { restoreWork } from '../lib/restore-work';
import { changeTime, type LessonWork, type SavedWork } from '../lib/saved-work';
import { canUseLocalStorage, SAVED_WORK_VERSION, savedWorkStorage } from './saved-work-storage';

/**
 * The self-study work of every lesson the student opened, by the lesson's share key (the
 * `/s/<key>` of its link; a built-in lesson's is its id, as the work of the one lesson before
 * links existed was kept under, so that work carries over as it is).
 */
interface SelfStudyState extends SavedWork {
  /** `fingerprint`: the item's, as answered (item-fingerprint.ts). */
  answerItem: (lessonKey: string, itemId: string, answer: Answer, fingerprint: string) => void;
  skipItem: (lessonKey: string, itemId: string, fingerprint: string) => void;
  visitSection: (lessonKey: string, sectionId: string) => void;
  startOver: (lessonKey: string) => void;
  /** Drops the work a newly loaded version of the lesson no longer fits (keep-work.ts). */
  keepLessonWork: (lessonKey: string, lesson: Lesson, fits?: AnswerFits) => void;
}

function updateWork(
  state: SelfStudyState,
  lessonKey: string,
  change: (work: LessonWork, at: number) => Partial<LessonWork>,
): Pick<SelfStudyState, 'workByLesson'> {
  const at = changeTime();
  const work = state.workByLesson[lessonKey] ?? {
    items: {},
    lastSectionId: null,
    lastSectionAt: 0,
    startedAt: at,
  };
  return {
    workByLesson: { ...state.workByLesson, [lessonKey]: { ...work, ...change(work, at) } },
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
      answerItem: (lessonKey, itemId, answer, fingerprint) => {
        set((state) =>
          updateWork(state, lessonKey, (work, at) => ({
            // Answering a skipped item takes it back from the skipped ones.
            items: { ...work.items, [itemId]: { answer, isSkipped: false, at, fingerprint } },
          })),
        );
      },
      skipItem: (lessonKey, itemId, fingerprint) => {
        set((state) => {
          const item = state.workByLesson[lessonKey]?.items[itemId];
          if (item?.isSkipped && item.fingerprint === fingerprint) return state;
          // What was typed stays with the skip, unless it answered an older form of the item.
          const answer = item?.fingerprint === fingerprint ? item.answer : null;
          return updateWork(state, lessonKey, (work, at) => ({
            items: { ...work.items, [itemId]: { answer, isSkipped: true, at, fingerprint } },
          }));
        });
      },
      visitSection: (lessonKey, sectionId) => {
        set((state) => {
          if (state.workByLesson[lessonKey]?.lastSectionId === sectionId) return state;
          return updateWork(state, lessonKey, (_work, at) => ({
            lastSectionId: sectionId,
            lastSectionAt: at,
          }));
        });
      },
      startOver: (lessonKey) => {
        set((state) => {
          const rest = Object.fromEntries(
            Object.entries(state.workByLesson).filter(([id]) => id !== lessonKey),
          );
          return {
            workByLesson: rest,
            startedOverAt: { ...state.startedOverAt, [lessonKey]: changeTime() },
          };
        });
      },
      keepLessonWork: (lessonKey, lesson, fits) => {
        set((state) => {
          const work = state.workByLesson[lessonKey];
          const kept = work && keepWork(work, lesson, changeTime(), fits);
          if (!kept || kept === work) return state;
          return { workByLesson: { ...state.workByLesson, [lessonKey]: kept } };
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
        const merged = mergeSavedWork(mine, restoreWork(persisted));
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

export function useLessonWork(lessonKey: string): LessonWork | undefined {
  return useSelfStudyStore((state) => state.workByLesson[lessonKey] ?? NO_WORK);
}

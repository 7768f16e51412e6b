import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Answer } from '#domain/lesson/answers';

/**
 * The outbox: answers the student has given that the server has not acknowledged yet. It is
 * persisted, so an answer given offline survives a reload and is sent when the network is back.
 * Only the newest submission per item is kept: the server keeps the highest revision anyway.
 * What the server has acknowledged lives in the query cache, never here.
 */

export interface OutboxEntry {
  readonly sessionId: string;
  readonly itemId: string;
  /** Made here, once per submission: a retry of it never duplicates on the server. */
  readonly submissionId: string;
  /** Counts up per item, so an older submission arriving late never wins. */
  readonly revision: number;
  readonly answer: Answer;
}

interface OutboxState {
  /** Unacknowledged submissions by item key (persisted). */
  readonly entries: Readonly<Record<string, OutboxEntry>>;
  /** The last revision made for each item key (persisted, so revisions keep counting up). */
  readonly revisions: Readonly<Record<string, number>>;
  /** What the student is typing and has not yet queued (debounced text). */
  readonly drafts: Readonly<Record<string, Answer>>;
  /** Why the server refused an item's last submission, to show beside it. */
  readonly rejections: Readonly<Record<string, string>>;
  /** The last send failed for want of a network. */
  readonly isOffline: boolean;
  draftAnswer: (sessionId: string, itemId: string, answer: Answer) => void;
  queueAnswer: (sessionId: string, itemId: string, answer: Answer, heldRevision: number) => void;
  acknowledge: (entry: OutboxEntry) => void;
  reject: (entry: OutboxEntry, message: string) => void;
  setOffline: (isOffline: boolean) => void;
}

export const outboxKey = (sessionId: string, itemId: string) => `${sessionId}:${itemId}`;

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

export const useOutboxStore = create<OutboxState>()(
  persist(
    (set) => ({
      entries: {},
      revisions: {},
      drafts: {},
      rejections: {},
      isOffline: false,
      draftAnswer: (sessionId, itemId, answer) => {
        const key = outboxKey(sessionId, itemId);
        set((state) => ({
          drafts: { ...state.drafts, [key]: answer },
          rejections: without(state.rejections, key),
        }));
      },
      queueAnswer: (sessionId, itemId, answer, heldRevision) => {
        const key = outboxKey(sessionId, itemId);
        set((state) => {
          const revision = Math.max(state.revisions[key] ?? 0, heldRevision) + 1;
          const entry: OutboxEntry = {
            sessionId,
            itemId,
            submissionId: crypto.randomUUID(),
            revision,
            answer,
          };
          return {
            entries: { ...state.entries, [key]: entry },
            revisions: { ...state.revisions, [key]: revision },
            drafts: without(state.drafts, key),
            rejections: without(state.rejections, key),
          };
        });
      },
      acknowledge: (entry) => {
        const key = outboxKey(entry.sessionId, entry.itemId);
        set((state) =>
          // A newer submission replaced this one while it was on its way: keep the newer one.
          state.entries[key]?.submissionId === entry.submissionId
            ? { entries: without(state.entries, key), isOffline: false }
            : { isOffline: false },
        );
      },
      reject: (entry, message) => {
        const key = outboxKey(entry.sessionId, entry.itemId);
        set((state) =>
          state.entries[key]?.submissionId === entry.submissionId
            ? {
                entries: without(state.entries, key),
                rejections: { ...state.rejections, [key]: message },
              }
            : {},
        );
      },
      setOffline: (isOffline) => {
        set({ isOffline });
      },
    }),
    {
      name: 'article-discussion:outbox',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ entries: state.entries, revisions: state.revisions }),
      // Called only for a stored version other than this one. Version 1 is the first, so
      // whatever else is stored is of an unknown shape: drop it rather than misread it.
      migrate: () => ({ entries: {}, revisions: {} }),
    },
  ),
);

import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

/**
 * A copy on this device of each lesson draft being written, kept from the first keystroke until
 * the server has saved it: a reload, a crash or a dropped network loses nothing. The server's
 * draft stays the one that counts; the editor opens this copy instead only when it holds changes
 * the server has not got (`unsaved`), and says so.
 */

export interface LocalDraft {
  /** The draft as the editor held it; read back through readDraft, as it may come from an older page. */
  readonly draft: unknown;
  /** The server's `draftSavedAt` this copy was written on top of. */
  readonly basedOn: string | null;
  /** Changes the server has not acknowledged yet. */
  readonly unsaved: boolean;
  /** When the teacher last changed it (ISO). */
  readonly changedAt: string;
}

interface LocalDraftsState {
  readonly drafts: Readonly<Record<string, LocalDraft>>;
  keep: (lessonId: string, copy: LocalDraft) => void;
  forget: (lessonId: string) => void;
}

/** Whether the last copy could be written: a full or refused storage is said on the page. */
interface DeviceCopyState {
  readonly failed: boolean;
}

export const useDeviceCopyStatus = create<DeviceCopyState>()(() => ({ failed: false }));

const deviceStorage: StateStorage = {
  getItem: (name) => {
    try {
      return localStorage.getItem(name);
    } catch (error) {
      console.warn('The lesson drafts kept on this device cannot be read.', error);
      useDeviceCopyStatus.setState({ failed: true });
      return null;
    }
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, value);
      if (useDeviceCopyStatus.getState().failed) useDeviceCopyStatus.setState({ failed: false });
    } catch (error) {
      // Storage full or refused: the draft still goes to the server; the page says it is not kept here.
      console.warn('A copy of the lesson draft could not be kept on this device.', error);
      useDeviceCopyStatus.setState({ failed: true });
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch (error) {
      console.warn('A lesson draft kept on this device could not be removed.', error);
    }
  },
};

export const useLocalDrafts = create<LocalDraftsState>()(
  persist(
    (set) => ({
      drafts: {},
      keep: (lessonId, copy) => {
        set((state) => ({ drafts: { ...state.drafts, [lessonId]: copy } }));
      },
      forget: (lessonId) => {
        set((state) => ({
          drafts: Object.fromEntries(
            Object.entries(state.drafts).filter(([id]) => id !== lessonId),
          ),
        }));
      },
    }),
    {
      name: 'article-discussion-lesson-drafts',
      version: 1,
      storage: createJSONStorage(() => deviceStorage),
      partialize: (state) => ({ drafts: state.drafts }),
    },
  ),
);

/**
 * What a teacher leaving this device needs of the copies kept on it: how many hold changes the
 * server has not got, and a way to delete them all (signing out, deleting the account).
 */
export const draftsOnThisDevice = {
  countUnsaved: (): number =>
    Object.values(useLocalDrafts.getState().drafts).filter((copy) => copy.unsaved).length,
  forget: (): void => {
    useLocalDrafts.setState({ drafts: {} });
    useLocalDrafts.persist.clearStorage();
  },
};

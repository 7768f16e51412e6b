import { create } from 'zustand';

/**
 * A message for the next page the teacher sees, such as "The session was deleted." after the
 * report page sends them back to their sessions. UI state only: nothing here comes from the server.
 */
interface NoticeState {
  readonly notice: string | null;
  readonly showNotice: (notice: string) => void;
  readonly dismissNotice: () => void;
}

export const useNoticeStore = create<NoticeState>()((set) => ({
  notice: null,
  showNotice: (notice) => {
    set({ notice });
  },
  dismissNotice: () => {
    set({ notice: null });
  },
}));

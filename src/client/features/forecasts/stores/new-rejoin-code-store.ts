import { create } from 'zustand';

/**
 * Signing in to one's forecasts replaces the rejoin code: the page just opened says the new one
 * until the student has seen it. Kept in memory only: a code is a way in, not for the device's
 * storage (the class page shows it again at any time).
 */
interface NewRejoinCodeState {
  /** The code each session gave on this visit's sign-in. */
  readonly codes: Readonly<Record<string, string>>;
  receiveRejoinCode: (sessionId: string, code: string) => void;
  dismissRejoinCode: (sessionId: string) => void;
}

export const useNewRejoinCodes = create<NewRejoinCodeState>()((set) => ({
  codes: {},
  receiveRejoinCode: (sessionId, code) => {
    set((state) => ({ codes: { ...state.codes, [sessionId]: code } }));
  },
  dismissRejoinCode: (sessionId) => {
    set((state) => ({
      codes: Object.fromEntries(Object.entries(state.codes).filter(([id]) => id !== sessionId)),
    }));
  },
}));

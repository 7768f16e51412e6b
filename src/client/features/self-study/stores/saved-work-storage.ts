import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { mergeSavedWork } from '../lib/merge-work';
import { restoreWork } from '../lib/restore-work';
import { NO_SAVED_WORK, type SavedWork } from '../lib/saved-work';

/**
 * 1 kept answers without times; 2 keeps when each was given, and each start-over; 3 keeps each
 * item's fingerprint with its answer, and work dropped for a changed item.
 */
export const SAVED_WORK_VERSION = 3;

function readSavedWork(name: string): SavedWork {
  const text = localStorage.getItem(name);
  if (text === null) return NO_SAVED_WORK;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch (error) {
    // Nothing in it can be read: the next save replaces it.
    console.warn(`The saved self-study work in "${name}" is not JSON and is ignored.`, error);
    return NO_SAVED_WORK;
  }
  const state =
    typeof stored === 'object' && stored !== null && 'state' in stored ? stored.state : undefined;
  return restoreWork(state);
}

/**
 * Whether this browser lets the page use local storage at all (some refuse it, with cookies
 * blocked or in some private modes): without it the work lasts as long as the tab, as before.
 */
export function canUseLocalStorage(): boolean {
  try {
    // Merely reading it throws where the browser refuses it (and outside a browser).
    return window.localStorage.length >= 0;
  } catch {
    return false;
  }
}

/**
 * The browser's local storage, shared by every tab of the lesson. A save never writes this tab's
 * copy over another tab's: it merges with what is stored (each answer as last given, start-overs
 * winning over older answers) and writes only when that changes something.
 */
export const savedWorkStorage: PersistStorage<SavedWork> = {
  getItem: (name) => ({ state: readSavedWork(name), version: SAVED_WORK_VERSION }),
  setItem: (name, value: StorageValue<SavedWork>) => {
    const merged = mergeSavedWork(readSavedWork(name), value.state);
    const text = JSON.stringify({ state: merged, version: SAVED_WORK_VERSION });
    if (text !== localStorage.getItem(name)) localStorage.setItem(name, text);
  },
  removeItem: (name) => {
    localStorage.removeItem(name);
  },
};

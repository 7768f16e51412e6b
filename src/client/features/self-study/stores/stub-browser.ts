import { afterAll, beforeAll, vi } from 'vitest';

/**
 * For the store's tests, which run in Node: a browser whose localStorage is `storage`, stubbed
 * for the test file. The store reads the storage once, when its module loads, so the tests
 * load it with the function returned, after the stubs are in place.
 */
export function stubBrowserForStore(storage: Storage) {
  beforeAll(() => {
    vi.stubGlobal('localStorage', storage);
    vi.stubGlobal('window', Object.assign(new EventTarget(), { localStorage: storage }));
    vi.stubGlobal('document', new EventTarget());
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });
  return () => import('./self-study-store');
}

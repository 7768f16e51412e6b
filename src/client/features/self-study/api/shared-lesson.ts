import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { endpoints } from '#domain/api/endpoints';
import type { StudentLessonVersion } from '#domain/api/lesson-library-contracts';
import { callEndpointUnparsed, NetworkError, ResponseContractError } from '#shared/lib/api-client';
import { lessonVersionProblem } from '../lib/lesson-version-check';

/**
 * A lesson shared by link, as self-study loads it: without TanStack Query and without parsing
 * with the contract's zod schema, both of which would double the student's first download (see
 * lesson-version-check.ts). Each lesson is loaded once per page load and kept in memory; the
 * service worker keeps a copy for offline use (vite.config.ts).
 */

type SharedLessonEndpoint = (typeof endpoints)['sharedLesson'];

/** The contract's own method and path: the type checker refuses any other. */
const sharedLessonEndpoint: Pick<SharedLessonEndpoint, 'method' | 'path'> = {
  method: 'GET',
  path: '/api/shared-lessons/:shareKey',
};

export type SharedLessonState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly version: StudentLessonVersion }
  | { readonly status: 'failed'; readonly error: unknown };

const LOADING: SharedLessonState = { status: 'loading' };
const ONLINE_RETRY_DELAY_MS = 1000;

const states = new Map<string, SharedLessonState>();
const listeners = new Set<() => void>();

function setState(shareKey: string, state: SharedLessonState) {
  states.set(shareKey, state);
  for (const listener of listeners) listener();
}

async function fetchSharedLesson(shareKey: string): Promise<StudentLessonVersion> {
  const body = await callEndpointUnparsed(sharedLessonEndpoint, { shareKey });
  const problem = lessonVersionProblem(body);
  if (problem) {
    throw new ResponseContractError(`GET ${sharedLessonEndpoint.path}`, problem);
  }
  // Checked field by field, as far as the pages read it.
  return body as StudentLessonVersion;
}

function load(shareKey: string) {
  setState(shareKey, LOADING);
  fetchSharedLesson(shareKey).then(
    (version) => {
      setState(shareKey, { status: 'ready', version });
    },
    (error: unknown) => {
      if (error instanceof ResponseContractError) console.error(error.message, error.problem);
      setState(shareKey, { status: 'failed', error });
    },
  );
}

/**
 * On a first visit the lesson arrives before the service worker controls the page, so the
 * worker never saw it: once it takes over, ask again through it, so that it keeps a copy and the
 * lesson opens offline from then on. A newer version that arrives meanwhile replaces the shown one.
 */
function keepLessonsWhenServiceWorkerArrives() {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    for (const [shareKey, state] of states) {
      if (state.status !== 'ready') continue;
      fetchSharedLesson(shareKey).then(
        (version) => {
          const current = states.get(shareKey);
          if (current?.status === 'ready' && current.version.versionId !== version.versionId) {
            setState(shareKey, { status: 'ready', version });
          }
        },
        (error: unknown) => {
          // The lesson shown stays; it is kept for offline use at the next visit.
          console.warn('The lesson could not be kept for offline use this time.', error);
        },
      );
    }
  });
}
if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  keepLessonsWhenServiceWorkerArrives();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The lesson behind a self-study link: loading, ready, or failed with the error (an
 * ApiRequestError 404 when there is no such link, a NetworkError when offline and not saved on
 * this device). A failure caused by a lost connection is tried again when the browser is back
 * online; `retry` tries again at once.
 */
export function useSharedLesson(shareKey: string) {
  const state = useSyncExternalStore(
    subscribe,
    () => states.get(shareKey) ?? LOADING,
    () => LOADING,
  );
  useEffect(() => {
    if (!states.has(shareKey)) load(shareKey);
  }, [shareKey]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onOnline = () => {
      const current = states.get(shareKey);
      if (current?.status !== 'failed' || !(current.error instanceof NetworkError)) return;
      // The connection is often not quite there when the browser says so: give it a second.
      clearTimeout(timer);
      timer = setTimeout(() => {
        load(shareKey);
      }, ONLINE_RETRY_DELAY_MS);
    };
    window.addEventListener('online', onOnline);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
    };
  }, [shareKey]);
  const retry = useCallback(() => {
    load(shareKey);
  }, [shareKey]);
  return { state, retry };
}

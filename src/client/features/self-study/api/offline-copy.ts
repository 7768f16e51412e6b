import { useEffect, useState } from 'react';

/** The service worker's cache of shared lessons (vite.config.ts, runtimeCaching's cacheName). */
const SHARED_LESSONS_CACHE = 'shared-lessons';
const CHECK_EVERY_MS = 1000;
/** A worker that has not kept the lesson within a minute will not this visit: stop asking. */
const MAX_CHECKS = 60;

/**
 * Whether this device can open the lesson with the network off: the service worker controls the
 * page (so the app itself is precached) and holds its copy of the lesson.
 */
async function isKeptOffline(shareKey: string): Promise<boolean> {
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') return false;
  if (!navigator.serviceWorker.controller) return false;
  if (!(await caches.has(SHARED_LESSONS_CACHE))) return false;
  const cache = await caches.open(SHARED_LESSONS_CACHE);
  return (await cache.match(`/api/shared-lessons/${encodeURIComponent(shareKey)}`)) !== undefined;
}

/**
 * True once the lesson is ready to use offline. On a first visit the worker installs, takes over
 * and then keeps the lesson (shared-lesson.ts asks for it again through the worker): checked
 * every second until then.
 */
export function useKeptOffline(shareKey: string): boolean {
  const [kept, setKept] = useState<{ shareKey: string; isKept: boolean }>({
    shareKey,
    isKept: false,
  });
  const isKept = kept.shareKey === shareKey && kept.isKept;
  useEffect(() => {
    if (isKept) return;
    let checks = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;
    const check = () => {
      checks += 1;
      isKeptOffline(shareKey).then(
        (found) => {
          if (isStopped) return;
          if (found) setKept({ shareKey, isKept: true });
          else if (checks < MAX_CHECKS) timer = setTimeout(check, CHECK_EVERY_MS);
        },
        (error: unknown) => {
          // The browser refused its cache (private mode, storage full): say nothing rather
          // than promise offline use.
          console.warn('Could not tell whether the lesson is kept for offline use.', error);
        },
      );
    };
    check();
    return () => {
      isStopped = true;
      clearTimeout(timer);
    };
  }, [shareKey, isKept]);
  return isKept;
}

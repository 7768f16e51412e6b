import { useEffect, type RefObject } from 'react';
import { hasNavigatedInApp } from '../lib/router';

/**
 * Arriving at a new view by a link is a new page for a screen reader or keyboard user, but the
 * browser leaves focus on the link that is gone: start them at the view's heading instead, at
 * the top of the page. `view` names the view, for a page that shows several (one per section).
 */
export function useFocusOnArrival(heading: RefObject<HTMLElement | null>, view: unknown): void {
  useEffect(() => {
    if (!hasNavigatedInApp()) return;
    heading.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [heading, view]);
}

import { useEffect, type RefObject } from 'react';

/** Room between the bar and a control scrolled to just below it, for the focus ring. */
const FOCUS_RING_ROOM = 8;

/**
 * Keeps every control that gets focus out from under a bar stuck to the top of the screen
 * (WCAG 2.4.11, Focus Not Obscured): tabbing backwards otherwise leaves the focused field behind
 * the editor's toolbar. The page's top scroll padding is the bar's height, so the browser scrolls
 * a control it brings into view to below the bar; the bar's height changes with the screen's
 * width and with what it says, so it is measured, not guessed in CSS. A control already on the
 * screen but partly under the bar is not scrolled by the browser at all, so focus moves it out.
 * Where the bar is not sticky (a narrow screen) nothing is done.
 */
export function useScrollPaddingBelow(barRef: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const page = document.documentElement;
    const isStuck = () => getComputedStyle(bar).position === 'sticky';
    const update = () => {
      page.style.scrollPaddingTop = isStuck() ? `${bar.offsetHeight + FOCUS_RING_ROOM}px` : '';
    };
    const uncover = (event: FocusEvent) => {
      const control = event.target;
      if (!(control instanceof Element) || bar.contains(control) || !isStuck()) return;
      const covered =
        bar.getBoundingClientRect().bottom + FOCUS_RING_ROOM - control.getBoundingClientRect().top;
      if (covered > 0) window.scrollBy({ top: -covered, behavior: 'instant' });
    };
    // A change of width (across the sticky breakpoint too) or of content resizes the bar.
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    update();
    document.addEventListener('focusin', uncover);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', uncover);
      page.style.scrollPaddingTop = '';
    };
  }, [barRef]);
}

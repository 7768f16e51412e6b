import { useEffect, useRef, type RefObject } from 'react';

/**
 * When what a page shows changes under the reader (the teacher moved the class to another
 * section), the element they were on may be gone: start them at the new heading. The first
 * render is left alone, as the reader did not move.
 */
export function useFocusOnChange(target: RefObject<HTMLElement | null>, view: unknown): void {
  const shown = useRef(view);
  useEffect(() => {
    if (Object.is(shown.current, view)) return;
    shown.current = view;
    target.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [target, view]);
}

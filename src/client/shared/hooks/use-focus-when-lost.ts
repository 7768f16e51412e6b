import { useEffect, useRef, type RefObject } from 'react';

/**
 * A control that removes itself (Reveal, Withdraw, End) leaves focus on the page's body, where a
 * keyboard or screen reader user is lost: when `state` changes and focus is on the body, put it on
 * `target` (the new state, or the control that replaced the old one). Focus anywhere else is the
 * user's own and stays.
 */
export function useFocusWhenLost(target: RefObject<HTMLElement | null>, state: unknown): void {
  const seen = useRef(state);
  useEffect(() => {
    if (Object.is(seen.current, state)) return;
    seen.current = state;
    const active = document.activeElement;
    if (active === null || active === document.body) target.current?.focus();
  }, [target, state]);
}

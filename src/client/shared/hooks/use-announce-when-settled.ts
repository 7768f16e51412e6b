import { useEffect, useRef } from 'react';
import { useAnnounce } from '../components/live-announcer';
import { createSettledText } from '../lib/settled-text';

/**
 * Says `text` through the page's LiveAnnouncer once it has stopped changing for `delayMs`; the
 * visible text may change at once, but is then no live region of its own.
 */
export function useAnnounceWhenSettled(text: string, delayMs: number): void {
  const announce = useAnnounce();
  const settler = useRef<ReturnType<typeof createSettledText> | null>(null);
  const latest = useRef(text);
  useEffect(() => {
    const current = createSettledText(latest.current, delayMs, announce);
    settler.current = current;
    return () => {
      current.dispose();
      settler.current = null;
    };
  }, [announce, delayMs]);
  useEffect(() => {
    latest.current = text;
    settler.current?.update(text);
  }, [text]);
}

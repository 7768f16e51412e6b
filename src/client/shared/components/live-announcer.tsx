import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/** How long a message stays in the region: long enough to be read, short enough to stay small. */
const MESSAGE_LIFETIME_MS = 10_000;

interface Announcement {
  readonly id: number;
  readonly text: string;
}

const AnnounceContext = createContext<(text: string) => void>(() => {
  // Outside a LiveAnnouncer there is nowhere to say it.
});

/**
 * The page's one polite live region, in the page from the first render and empty until there is
 * something to say: a region inserted already filled is not reliably read. Each message is a new
 * node added to it, so the same words twice are read twice, and messages said together are all
 * read (replacing the text would cut off the one before). Old nodes leave silently.
 */
export function LiveAnnouncer({ children }: { readonly children: ReactNode }) {
  const [messages, setMessages] = useState<readonly Announcement[]>([]);
  const nextId = useRef(0);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) clearTimeout(timer);
    };
  }, []);
  const announce = useCallback((text: string) => {
    nextId.current += 1;
    const id = nextId.current;
    setMessages((current) => [...current, { id, text }]);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setMessages((current) => current.filter((m) => m.id !== id));
    }, MESSAGE_LIFETIME_MS);
    timers.current.add(timer);
  }, []);
  return (
    <AnnounceContext value={announce}>
      {children}
      <div
        className="visually-hidden"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label="Announcements"
      >
        {messages.map((m) => (
          <p key={m.id}>{m.text}</p>
        ))}
      </div>
    </AnnounceContext>
  );
}

/** Says a message through the nearest LiveAnnouncer. */
export function useAnnounce(): (text: string) => void {
  return useContext(AnnounceContext);
}

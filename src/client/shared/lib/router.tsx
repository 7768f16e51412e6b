import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A minimal history router: the app has a handful of routes, and a router library would cost
 * the first screen more bytes than all of them together.
 */

const NAVIGATE_EVENT = 'app:navigate';

let hasNavigated = false;

/**
 * Whether the user has moved from page to page in the app (a link, back or forward) since the
 * document loaded. The first page is where the browser starts a screen reader and the keyboard;
 * every later one must move focus itself.
 */
export function hasNavigatedInApp(): boolean {
  return hasNavigated;
}

function subscribe(onChange: () => void): () => void {
  const onPopState = () => {
    hasNavigated = true;
    onChange();
  };
  window.addEventListener('popstate', onPopState);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onPopState);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function getPathname(): string {
  return window.location.pathname;
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname, () => '/');
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  hasNavigated = true;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/**
 * Replaces the address with the page's current one (an old address kept working): the same page
 * to the user, so neither history nor focus sees a move.
 */
export function redirect(to: string): void {
  window.history.replaceState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export function Link({
  to,
  onClick,
  ...rest
}: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainLeftClick(event) || rest.target) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}

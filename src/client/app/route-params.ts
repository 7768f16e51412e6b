/** The first capture of a route pattern, decoded; null when the path does not match. */
export function readPathParam(pathname: string, pattern: RegExp): string | null {
  const match = pattern.exec(pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // A malformed address is a page that does not exist, not a crash.
    return null;
  }
}

/**
 * The web address a teacher typed, checked before the server is asked: empty, not an address,
 * or not http(s) is said at once. An address without its scheme ("www.example.org/story"), as
 * one copied from a browser's address bar often is, is taken as https.
 */

export type CheckedAddress =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

const EXAMPLE = 'https://www.example.org/news/story';

export function checkArticleAddress(typed: string): CheckedAddress {
  const trimmed = typed.trim();
  if (trimmed === '') {
    return { ok: false, message: `Give the article’s web address, e.g. ${EXAMPLE}.` };
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^/:]+:\d+(?:[/?#]|$)/.test(trimmed);
  const candidate = hasScheme ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: `“${trimmed}” is not a web address: give one like ${EXAMPLE}.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: `“${trimmed}” is not a web page’s address: give one starting with http:// or https://.`,
    };
  }
  if (
    !url.hostname.includes('.') &&
    url.hostname !== 'localhost' &&
    !url.hostname.startsWith('[')
  ) {
    return { ok: false, message: `“${trimmed}” is not a web address: give one like ${EXAMPLE}.` };
  }
  return { ok: true, url: url.href };
}

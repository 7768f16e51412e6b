import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { pipeline, type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import { ApiError } from '../lib/api-error';
import { isAllowedHost, portOf, refusedAddress, type AllowedHost } from './address-guard';
import { fetchFailed, tooLarge, urlRefused } from './article-errors';

/** How far a fetch may go: see the README's "New lesson from an article". */
export interface FetchLimits {
  /** The whole fetch, redirects and body included. */
  readonly timeoutMs: number;
  /** The page's size once decompressed. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Hosts let past the address guard (ARTICLE_FETCH_ALLOW_HOSTS), for tests. */
  readonly allowHosts: readonly AllowedHost[];
}

export interface FetchedPage {
  /** Where the page was found, after redirects. */
  readonly url: string;
  readonly kind: 'html' | 'text';
  readonly body: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const USER_AGENT = 'ArticleDiscussion/0.1 (drafts a classroom lesson from an article)';

/** A web address the server may try: http or https, no user name or password in it. */
export function parseWebAddress(address: string, context = 'it'): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw urlRefused(`${context} is not a web address (it should start with https://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw urlRefused(
      `${context} is a ${url.protocol.slice(0, -1)}: address; only http and https are fetched`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw urlRefused(`${context} carries a user name or password`);
  }
  return url;
}

/** An address the name may be connected to, checked against the guard unless allowed. */
interface CheckedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** `via` says how the address was reached: "" for the teacher's own, else the redirect. */
async function checkedAddress(
  url: URL,
  allowHosts: readonly AllowedHost[],
  via: string,
): Promise<CheckedAddress> {
  // URL keeps an IPv6 literal's brackets in its hostname.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  if (isIP(host) !== 0) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch {
      throw fetchFailed(`no site named ${host} was found`);
    }
  }
  if (!isAllowedHost(url, allowHosts)) {
    // Every address the name has: a name pointing both outside and inside is refused.
    for (const { address } of addresses) {
      const refused = refusedAddress(address);
      if (refused === null) continue;
      throw urlRefused(
        host === address
          ? `${via}${refused.address} is ${refused.what}`
          : `${via}${host} leads to ${refused.address}, which is ${refused.what}`,
      );
    }
  }
  const first = addresses[0];
  if (!first) throw fetchFailed(`no site named ${host} was found`);
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * A DNS lookup that answers with the address already checked, so the connection goes where the
 * guard looked and a name cannot resolve to somewhere else the second time (DNS rebinding).
 */
function pinnedLookup({ address, family }: CheckedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

function get(url: URL, target: CheckedAddress, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'GET',
      port: portOf(url),
      lookup: pinnedLookup(target),
      // A connection of its own: a pooled one may have been closed by the site meanwhile, and
      // each connection should go where this request's check looked.
      agent: false,
      signal,
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9',
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'en',
      },
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

const DECOMPRESSORS: Readonly<Record<string, (() => Transform) | undefined>> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** The body as bytes, decompressed, refused once past `maxBytes`. */
async function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' && declared > maxBytes) {
    response.destroy();
    throw tooLarge('url', maxBytes);
  }
  const decompressor = DECOMPRESSORS[encoding];
  if (encoding !== 'identity' && decompressor === undefined) {
    response.destroy();
    throw fetchFailed(`the site sent it encoded as "${encoding}", which the server cannot read`);
  }
  let stream: Readable = response;
  if (decompressor) {
    // pipeline: an error or an abort on either side ends both.
    stream = pipeline(response, decompressor(), () => undefined);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      // Counted as it arrives: a page past the limit is never held whole in memory.
      if (size > maxBytes) throw tooLarge('url', maxBytes);
      chunks.push(buffer);
    }
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks);
}

/** The charset the header names, else the page's own <meta> (in its first 2 KB), else UTF-8. */
function decode(bytes: Buffer, contentType: string): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  const head = bytes.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  const label = fromHeader ?? fromMeta ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // An unknown label: UTF-8 is what nearly every page is.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function kindOf(contentType: string): FetchedPage['kind'] | null {
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mime === '' || HTML_TYPES.has(mime)) return 'html';
  if (mime === 'text/plain') return 'text';
  return null;
}

async function followRedirects(start: URL, limits: FetchLimits, signal: AbortSignal) {
  let url = start;
  for (let redirects = 0; ; redirects += 1) {
    const via = redirects === 0 ? '' : `it redirects to ${url.href}, where `;
    const response = await get(url, await checkedAddress(url, limits.allowHosts, via), signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (!REDIRECTS.has(status) || location === undefined) return { url, response };
    response.destroy();
    if (redirects === limits.maxRedirects) {
      throw fetchFailed(`it redirects more than ${limits.maxRedirects} times`);
    }
    const next = new URL(location, url).href;
    // Each hop is checked as the first was: scheme, then the address guard.
    url = parseWebAddress(next, `it redirects to ${next}, which`);
  }
}

/**
 * Fetches a page for its article, guarded as a door into the school's network: http and https
 * only; every address checked (after DNS) and connected to as checked; a few redirects, each
 * checked again; a time limit for all of it; a size limit on the page; html or plain text only.
 * Refuses with url_refused, fetch_failed or too_large (field `url`), saying why.
 */
export async function fetchPage(address: string, limits: FetchLimits): Promise<FetchedPage> {
  const start = parseWebAddress(address);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    return await beforeDeadline(fetchGuarded(start, limits, signal), signal);
  } catch (error) {
    if (signal.aborted) {
      throw fetchFailed(`the site took longer than ${limits.timeoutMs / 1000} s to send it`);
    }
    if (error instanceof ApiError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw fetchFailed(code ? `the connection failed (${code})` : 'the connection failed');
  }
}

/** The work's result, or a rejection as soon as the signal aborts (a DNS look-up cannot be). */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

async function fetchGuarded(start: URL, limits: FetchLimits, signal: AbortSignal) {
  const { url, response } = await followRedirects(start, limits, signal);
  const status = response.statusCode ?? 0;
  if (status < 200 || status > 299) {
    response.destroy();
    throw fetchFailed(`the site answered ${status} ${response.statusMessage ?? ''}`.trim());
  }
  const contentType = response.headers['content-type'] ?? '';
  const kind = kindOf(contentType);
  if (kind === null) {
    response.destroy();
    throw fetchFailed(
      `it is a file of type ${contentType.split(';')[0]}, not a web page (save its text and paste it)`,
    );
  }
  const body = decode(await readBody(response, limits.maxBytes), contentType);
  return { url: url.href, kind, body } satisfies FetchedPage;
}

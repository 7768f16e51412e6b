import { readCapped } from './lms-http';

/** Why an LMS's document could not be had: no answer in time, too big, or not JSON. */
export class LmsFetchError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'too_large' | 'not_json',
    message: string,
  ) {
    super(message);
    this.name = 'LmsFetchError';
  }
}

/** The time and room an LMS's document gets. */
export interface LmsFetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

/**
 * A JSON document of an LMS (LTI Dynamic Registration), in bounded time and size, redirects
 * not followed. Not behind the article fetcher's address guard: the address comes from an LMS
 * an administrator invited (docs/decisions/0012), and a school's LMS may well be on its own
 * network. `what` names the document in errors ("The LMS's OpenID configuration").
 */
export async function fetchLmsJson(
  url: string,
  init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  what: string,
  limits: LmsFetchLimits,
): Promise<{ status: number; body: unknown; text: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { accept: 'application/json', ...init.headers },
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${limits.timeoutMs / 1000} s`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new LmsFetchError('unreachable', `${what} at ${url} could not be reached: ${reason}.`);
  }
  const text = await readCapped(
    response,
    limits.maxBytes,
    (declared) =>
      new LmsFetchError(
        'too_large',
        declared === null
          ? `${what} is more than ${limits.maxBytes} bytes.`
          : `${what} is ${declared} bytes; at most ${limits.maxBytes} are read.`,
      ),
  );
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new LmsFetchError('not_json', `${what} at ${url} is not JSON.`);
  }
  return { status: response.status, body, text };
}

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

/** Reads at most `maxBytes` of a body; more is refused without reading the rest. */
async function readCapped(response: Response, maxBytes: number, what: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new LmsFetchError(
      'too_large',
      `${what} is ${declared} bytes; at most ${maxBytes} are read.`,
    );
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new LmsFetchError('too_large', `${what} is more than ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
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
  const text = await readCapped(response, limits.maxBytes, what);
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (response.ok) throw new LmsFetchError('not_json', `${what} at ${url} is not JSON.`);
  }
  return { status: response.status, body, text };
}

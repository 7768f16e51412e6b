/** How long an LMS's service may take to answer, body included. */
export const LMS_TIMEOUT_MS = 10_000;
/** The most an LMS's answer may weigh: a token or a score receipt is small; a page of members is not. */
export const LMS_MAX_BYTES = 2 * 1024 * 1024;

/** What an LMS's service answered, read within the limits. */
export interface LmsAnswer {
  readonly status: number;
  /** The media type, without parameters, lower case ("" when none was given). */
  readonly contentType: string;
  /** The Link header (paging), null when none. */
  readonly link: string | null;
  readonly body: string;
}

/** An LMS that could not be reached, or answered too slowly or too much: the message says which. */
export class LmsHttpError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LmsHttpError';
  }
}

export interface LmsRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | URLSearchParams;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/**
 * Reads a body up to `maxBytes`, stopping (and cancelling the rest) as soon as it is past:
 * `tooLarge` makes the error, given the size the answer declared (null when it declared none).
 */
export async function readCapped(
  response: Response,
  maxBytes: number,
  tooLarge: (declared: number | null) => Error,
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(declared);
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
      throw tooLarge(null);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The one place the server calls an LMS's services (tokens, grades, class lists): with `fetch`,
 * to the addresses an administrator registered or the LMS's own signed launch named, within a
 * time and size bound so a stuck or flooding LMS cannot hold a worker.
 */
export async function callLms(url: string, request: LmsRequest): Promise<LmsAnswer> {
  const timeoutMs = request.timeoutMs ?? LMS_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal,
    });
    const maxBytes = request.maxBytes ?? LMS_MAX_BYTES;
    const body = await readCapped(
      response,
      maxBytes,
      (declared) =>
        new LmsHttpError(
          declared === null
            ? `${url} answered more than the ${maxBytes} bytes allowed`
            : `${url} answered ${declared} bytes, more than the ${maxBytes} allowed`,
        ),
    );
    return {
      status: response.status,
      contentType:
        (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
      link: response.headers.get('link'),
      body,
    };
  } catch (error) {
    if (error instanceof LmsHttpError) throw error;
    if (signal.aborted) {
      throw new LmsHttpError(`${url} did not answer within ${Math.ceil(timeoutMs / 1000)} s`, {
        cause: error,
      });
    }
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new LmsHttpError(`${url} could not be reached (${reason})`, { cause: error });
  }
}

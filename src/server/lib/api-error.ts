import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '#domain/api/errors';
import { findUnsafeText } from '#domain/live/unsafe-text';

/** A refusal the client should see: an HTTP status, a stable code and a readable message. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
      },
    };
  }
}

/**
 * Validates a body, parameter or query at the edge; the error names the first bad field. What
 * passes the schema is also refused when any text in it, keys included, could not be stored.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what = 'request',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    const unsafe = findUnsafeText(result.data);
    if (!unsafe) return result.data;
    const field = unsafe.path.map(String).join('.');
    throw new ApiError(
      400,
      'invalid_input',
      `${field || what}: ${unsafe.problem}`,
      field || undefined,
    );
  }
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue
    ? `${field ? `${field}: ` : `${what}: `}${issue.message}`
    : `The ${what} is not valid.`;
  throw new ApiError(400, 'invalid_input', message, field || undefined);
}

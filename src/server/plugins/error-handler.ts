import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from '../lib/api-error';

/** Every refusal becomes `{ error: { code, message, field? } }`; unexpected errors are logged. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.statusCode).send(error.toBody());
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply
        .status(413)
        .send(new ApiError(413, 'payload_too_large', 'The request body is too large.').toBody());
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own refusals: malformed JSON, a wrong content type and the like.
      return reply
        .status(error.statusCode)
        .send(new ApiError(error.statusCode, 'invalid_input', error.message).toBody());
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .status(500)
      .send(
        new ApiError(500, 'internal', 'Something went wrong on the server. Try again.').toBody(),
      );
  });
}

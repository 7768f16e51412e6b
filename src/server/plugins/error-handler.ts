import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../lib/api-error';
import { SECURITY_HEADERS } from './security-headers';

/** Fastify's router limit on one path parameter (its maxParamLength default). */
export const MAX_PARAM_LENGTH = 100;

/**
 * Fastify's `frameworkErrors`: what its router refuses before any route or hook runs (a bad
 * %-encoding, a path parameter over MAX_PARAM_LENGTH) gets the project's error shape and headers.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const isKnown = error.code === 'FST_ERR_MAX_PARAM_LENGTH' || error.code === 'FST_ERR_BAD_URL';
  if (!isKnown) request.log.error({ err: error }, 'the router failed');
  const refusal =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new ApiError(
          414,
          'invalid_input',
          `A part of the address is longer than ${MAX_PARAM_LENGTH} characters.`,
        )
      : error.code === 'FST_ERR_BAD_URL'
        ? new ApiError(400, 'invalid_input', 'The address is not valid: check its %-encoding.')
        : new ApiError(500, 'internal', 'Something went wrong on the server. Try again.');
  void reply
    .headers(SECURITY_HEADERS)
    .header('cache-control', 'no-store')
    .status(refusal.statusCode)
    .send(refusal.toBody());
}

/** Every refusal becomes `{ error: { code, message, field? } }`; unexpected errors are logged. */
export const errorHandlerPlugin = fp(
  (app, _options, done) => {
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
    done();
  },
  { name: 'error-handler' },
);

import { fieldsOf, sendPage } from './lti-pages';
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from 'fastify';
import type { RegistrationRefusal } from '#domain/lti/dynamic-registration';
import { LtiRegistrationRefusalError } from '../services/lti-dynamic-registration';
import {
  registrationConfirmPage,
  registrationDonePage,
  registrationRefusalPage,
} from './lti-registration-pages';

async function answerRefusal(reply: FastifyReply, error: unknown) {
  if (!(error instanceof LtiRegistrationRefusalError)) throw error;
  const refusal: RegistrationRefusal = error.refusal;
  return sendPage(reply, refusal.status, registrationRefusalPage(refusal));
}

/**
 * Under /lti: LTI Dynamic Registration 1.0. The LMS opens /lti/register/<secret> (the URL
 * `npm run admin -- lti-registration-url` printed) with its openid_configuration and a
 * registration_token; the page shows what will be registered, and its button registers it.
 */
export const ltiRegistrationRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { ltiRegistration } = app.services;
  // As lti.routes.ts builds the launch URL: what the LMS is given must reach this server.
  const baseUrlOf = (request: FastifyRequest) =>
    app.config.publicUrl?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;

  app.get<{ Params: { secret: string } }>('/register/:secret', async (request, reply) => {
    const query = fieldsOf(request.query);
    try {
      const configuration = await ltiRegistration.readConfiguration(
        request.params.secret,
        query.openid_configuration,
        query.registration_token,
      );
      return await sendPage(
        reply,
        200,
        registrationConfirmPage({
          action: `/lti/register/${encodeURIComponent(request.params.secret)}`,
          configurationUrl: query.openid_configuration ?? '',
          registrationToken: query.registration_token,
          configuration,
          baseUrl: baseUrlOf(request),
        }),
      );
    } catch (error) {
      return answerRefusal(reply, error);
    }
  });

  app.post<{ Params: { secret: string } }>('/register/:secret', async (request, reply) => {
    const form = fieldsOf(request.body);
    try {
      const platform = await ltiRegistration.register({
        secret: request.params.secret,
        configurationUrl: form.openid_configuration,
        registrationToken: form.registration_token || undefined,
        baseUrl: baseUrlOf(request),
      });
      return await sendPage(reply, 200, registrationDonePage(platform));
    } catch (error) {
      return answerRefusal(reply, error);
    }
  });
  done();
};

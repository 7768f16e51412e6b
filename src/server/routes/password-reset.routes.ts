import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  checkResetLinkRequestSchema,
  forgotPasswordRequestSchema,
  resetPasswordRequestSchema,
  type CheckResetLinkResponse,
  type ForgotPasswordResponse,
  type PasswordResetOptions,
} from '../../domain/live/account-contracts';
import type { Teacher } from '../../domain/live/live-contracts';
import type { AppDeps } from '../app-deps';
import { parseInput } from '../lib/api-error';
import {
  configuredBaseUrl,
  createPasswordResetLink,
  requireUsableResetLink,
  resetPasswordWithLink,
  RESET_LINK_MINUTES,
  type PasswordResetLink,
} from '../lib/password-reset';

const LINK_SENT = `If an account has this e-mail address, a link to set a new password is on its way to it. The link works once, for ${RESET_LINK_MINUTES} minutes; if the e-mail does not arrive, look in the spam folder.`;
const NO_EMAIL =
  'This server does not send e-mail. Ask the person who runs it for a link to set a new password: they can make one with the command “npm run admin -- reset-password” followed by your e-mail address.';

function resetMail(link: PasswordResetLink) {
  const until = link.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return {
    to: link.teacher.email,
    subject: 'Set a new password for Article Discussion',
    text: [
      `Hello ${link.teacher.name},`,
      '',
      `Someone, we hope you, asked to set a new password for the teacher account ${link.teacher.email} on Article Discussion. Open this link to choose one:`,
      '',
      link.url,
      '',
      `The link works once, until ${until} UTC. Using it signs the account out everywhere else.`,
      '',
      'If you did not ask for this, ignore this e-mail: the password stays as it is.',
    ].join('\n'),
  };
}

export function registerPasswordResetRoutes(app: FastifyInstance, deps: AppDeps) {
  const { mailer } = deps;

  app.get('/api/auth/password-reset', (): PasswordResetOptions => ({ isByEmail: mailer !== null }));

  app.post('/api/auth/forgot-password', async (request, reply) => {
    deps.limiters.forgotPasswordByAddress.take(request.ip);
    const { email } = parseInput(forgotPasswordRequestSchema, request.body);
    deps.limiters.forgotPasswordByEmail.take(email.toLowerCase());
    if (!mailer) {
      return reply
        .status(200)
        .send({ isSentByEmail: false, message: NO_EMAIL } satisfies ForgotPasswordResponse);
    }
    const link = await createPasswordResetLink(deps.db, email, configuredBaseUrl(deps.config));
    if (link) {
      // Sent after answering, so a known address is not told apart by a slower answer.
      mailer.send(resetMail(link)).catch((error: unknown) => {
        request.log.error({ err: error }, 'could not send a password-reset e-mail');
      });
    }
    return reply
      .status(202)
      .send({ isSentByEmail: true, message: LINK_SENT } satisfies ForgotPasswordResponse);
  });

  app.post('/api/auth/reset-password/check', async (request): Promise<CheckResetLinkResponse> => {
    deps.limiters.signIn.take(request.ip);
    const { token } = parseInput(checkResetLinkRequestSchema, request.body);
    const teacher = await requireUsableResetLink(deps.db, token);
    return { email: teacher.email };
  });

  app.post('/api/auth/reset-password', async (request: FastifyRequest, reply) => {
    deps.limiters.signIn.take(request.ip);
    const { token, password } = parseInput(resetPasswordRequestSchema, request.body);
    const teacher: Teacher = await resetPasswordWithLink(deps.db, token, password);
    await deps.auth.signIn(request, reply, teacher);
    return { teacher };
  });
}

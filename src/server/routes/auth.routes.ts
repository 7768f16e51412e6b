import type { FastifyInstance } from 'fastify';
import { signInRequestSchema, signUpRequestSchema } from '../../domain/live/live-contracts';
import type { AppDeps } from '../app-deps';
import { ApiError, parseInput } from '../lib/api-error';
import { refuseWeakPassword } from '../lib/password-policy';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../lib/secrets';
import { createTeacher, findTeacherByEmail } from '../repositories/teachers.repository';

const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/api/auth/sign-up', async (request, reply) => {
    deps.limiters.signIn.take(request.ip);
    const input = parseInput(signUpRequestSchema, request.body);
    await refuseWeakPassword(input.password, input);
    const teacher = await createTeacher(deps.db, {
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
    });
    if (!teacher) {
      // The same words whether or not the address has an account with another password.
      throw new ApiError(
        409,
        'account_unavailable',
        'An account cannot be created with this e-mail. If you already have one, sign in instead.',
        'email',
      );
    }
    await deps.auth.signIn(request, reply, teacher);
    return reply.status(201).send({ teacher });
  });

  app.post('/api/auth/sign-in', async (request, reply) => {
    deps.limiters.signIn.take(request.ip);
    const input = parseInput(signInRequestSchema, request.body);
    const found = await findTeacherByEmail(deps.db, input.email);
    // Hash even for an unknown address, so the answer takes as long and says the same.
    const isValid = await verifyPassword(
      input.password,
      found?.passwordHash ?? DUMMY_PASSWORD_HASH,
    );
    if (!found || !isValid) throw new ApiError(401, 'invalid_credentials', WRONG_CREDENTIALS);
    const teacher = { id: found.id, email: found.email, name: found.name };
    await deps.auth.signIn(request, reply, teacher);
    return { teacher };
  });

  app.post('/api/auth/sign-out', async (request, reply) => {
    await deps.auth.signOut(request, reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', async (request) => ({
    teacher: await deps.auth.requireTeacher(request),
  }));
}

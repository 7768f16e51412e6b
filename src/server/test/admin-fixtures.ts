import { randomUUID } from 'node:crypto';
import type { Teacher } from '#domain/api/live-contracts';
import { hashPassword } from '../lib/secrets';
import { createTeacher } from '../repositories/teachers.repository';
import { ApiClient } from './api-client';
import type { TestServer } from './test-server';

export const PASSWORD = 'correct horse battery';

/** A teacher signed up (sign-up open) with a known e-mail; returns the client and the account. */
export async function signUpAs(
  baseUrl: string,
  name: string,
  email = `${randomUUID()}@school.example`,
): Promise<{ client: ApiClient; teacher: Teacher }> {
  const client = new ApiClient(baseUrl);
  const response = await client.post<{ teacher: Teacher }>('/api/auth/sign-up', {
    email,
    name,
    password: PASSWORD,
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  return { client, teacher: response.body.teacher };
}

/** An account made straight in the database (one from before sign-up closed), signed in. */
export async function existingTeacher(
  server: TestServer,
  name: string,
  email = `${randomUUID()}@school.example`,
): Promise<{ client: ApiClient; teacher: Teacher }> {
  const teacher = await createTeacher(server.db, {
    email,
    name,
    passwordHash: await hashPassword(PASSWORD),
  });
  if (!teacher) throw new Error(`${email} has an account already`);
  const client = new ApiClient(server.baseUrl);
  const signedIn = await client.post('/api/auth/sign-in', { email, password: PASSWORD });
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`);
  return { client, teacher };
}

/** An administrator, made as `npm run admin -- make-admin` does (the same service). */
export async function adminOn(server: TestServer, name = 'Ada Admin') {
  const admin = await existingTeacher(server, name);
  await server.app.services.teacherAdmin.setAdmin(null, admin.teacher.id, true);
  return admin;
}

/** The token of an invitation's link. */
export const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

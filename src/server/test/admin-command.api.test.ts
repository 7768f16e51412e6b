import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../lib/secrets';
import { createTeacher } from '../repositories/teachers.repository';
import { ApiClient, errorOf } from './api-client';
import { COMMAND_TIMEOUT, createInstall, runAdmin, type Install } from './admin-runner';
import { startTestServer } from './test-server';
import { describeEachStorage } from './use-test-server';

const EMAIL = 'Grace.Hopper@School.example';

describeEachStorage('npm run admin -- reset-password on %s', (kind) => {
  let install: Install;

  beforeAll(async () => {
    install = await createInstall(kind);
    const db = await install.open();
    await createTeacher(db, {
      email: EMAIL,
      name: 'Grace',
      passwordHash: await hashPassword('forgotten passphrase'),
    });
    await db.close();
  });
  afterAll(async () => {
    await install.destroy();
  });

  it(
    'prints a one-time link that sets a new password and signs the teacher in',
    COMMAND_TIMEOUT,
    async () => {
      // PGlite's directory is the server's alone while it runs: the command runs between runs.
      // PostgreSQL is shared: the command runs while the server does.
      let server = kind === 'postgres' ? await startTestServer(install) : null;
      const result = await runAdmin(['reset-password', 'grace.hopper@school.example'], {
        ...install.env,
        PUBLIC_URL: 'https://class.school.example',
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/A one-time link for Grace \(Grace\.Hopper@School\.example\)/);
      const url = /https:\/\/class\.school\.example\/teach\/reset-password\?token=\S+/.exec(
        result.stdout,
      )?.[0];
      expect(url).toBeDefined();

      server ??= await startTestServer(install);
      try {
        const client = new ApiClient(server.baseUrl);
        const token = new URL(url ?? '').searchParams.get('token');
        const reset = await client.post('/api/auth/reset-password', {
          token,
          password: 'remembered passphrase',
        });
        expect(reset.status).toBe(200);
        expect((await client.get('/api/auth/me')).body).toMatchObject({
          teacher: { name: 'Grace' },
        });
      } finally {
        await server.close();
      }
    },
  );

  it(
    'says so and fails for an e-mail without an account, or no e-mail at all',
    COMMAND_TIMEOUT,
    async () => {
      const unknown = await runAdmin(['reset-password', 'nobody@school.example'], install.env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(
        /No teacher account has the e-mail address nobody@school\.example/,
      );
      expect(unknown.stdout).toBe('');
      const missing = await runAdmin(['reset-password'], install.env);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/Usage: npm run admin -- reset-password <e-mail>/);
    },
  );

  it.runIf(kind === 'pglite')(
    'refuses, saying what to do, while the server has the embedded database open',
    COMMAND_TIMEOUT,
    async () => {
      const server = await startTestServer(install);
      try {
        const port = new URL(server.baseUrl).port;
        const result = await runAdmin(['reset-password', EMAIL], { ...install.env, PORT: port });
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(
          /can be opened by one process at a time.*Stop the server, run this command, then start the server again/,
        );
        // The server was not disturbed.
        const signIn = await new ApiClient(server.baseUrl).post('/api/auth/sign-in', {
          email: EMAIL,
          password: 'wrong passphrase',
        });
        expect(errorOf(signIn).code).toBe('invalid_credentials');
      } finally {
        await server.close();
      }
    },
  );
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../lib/secrets';
import { createTeacher } from '../repositories/teachers.repository';
import { COMMAND_TIMEOUT, createInstall, runAdmin, type Install } from './admin-runner';
import { ApiClient, expectRefusal } from './api-client';
import { startTestServer } from './test-server';
import { describeEachStorage } from './use-test-server';

const ADA = 'ada@district.example';
const GRACE = 'grace@district.example';
const PASSWORD = 'correct horse battery';

describeEachStorage('npm run admin -- teacher accounts on %s', (kind) => {
  let install: Install;

  beforeAll(async () => {
    install = await createInstall(kind);
    const db = await install.open();
    for (const [email, name] of [
      [ADA, 'Ada'],
      [GRACE, 'Grace'],
    ] as const) {
      await createTeacher(db, { email, name, passwordHash: await hashPassword(PASSWORD) });
    }
    await db.close();
  });
  afterAll(async () => {
    await install.destroy();
  });

  it(
    'makes an administrator, invites, disables and lists, with clear refusals',
    COMMAND_TIMEOUT,
    async () => {
      const env = { ...install.env, PUBLIC_URL: 'https://class.district.example' };
      const made = await runAdmin(['make-admin', 'ADA@district.example'], env);
      expect(made.stderr).toBe('');
      expect(made.stdout).toMatch(/Ada \(ada@district\.example\) is an administrator/);

      const invited = await runAdmin(['invite', 'newcomer@district.example'], env);
      expect(invited.code).toBe(0);
      expect(invited.stdout).toMatch(
        /https:\/\/class\.district\.example\/teach\/accept-invitation\?token=\S+/,
      );

      const disabled = await runAdmin(['disable', GRACE], env);
      expect(disabled.stdout).toMatch(/Grace .* is disabled/);

      const listed = await runAdmin(['teachers'], env);
      expect(listed.stdout).toMatch(/Ada <ada@district\.example> administrator/);
      expect(listed.stdout).toMatch(/Grace <grace@district\.example> DISABLED since/);
      expect(listed.stdout).toMatch(/newcomer@district\.example invited/);

      const unknown = await runAdmin(['enable', 'nobody@district.example'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr.trim()).toBe(
        'There is no teacher account with the e-mail address nobody@district.example.',
      );
      const usage = await runAdmin(['transfer', GRACE], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toMatch(/transfer takes two e-mail addresses/);

      const server = await startTestServer(install);
      try {
        const refused = await new ApiClient(server.baseUrl).post('/api/auth/sign-in', {
          email: GRACE,
          password: PASSWORD,
        });
        expectRefusal(refused, 403, 'account_disabled');
      } finally {
        await server.close();
      }
    },
  );
});

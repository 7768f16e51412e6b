import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv } from '#domain/reports/csv';
import { ApiClient, createLiveSession } from './api-client';
import { COMMAND_TIMEOUT, createInstall, runAdmin, type Install } from './admin-runner';
import { startTestServer, testConfig } from './test-server';
import { describeEachStorage } from './use-test-server';

describeEachStorage('npm run admin -- audit-csv on %s', (kind) => {
  let install: Install;
  /** The command reads the same secret as the server, so both hash alike. */
  let env: Record<string, string>;
  // A valid e-mail a spreadsheet would take for a formula.
  const email = `+${randomUUID().slice(0, 8)}@school.example`;
  let sessionId = '';

  beforeAll(async () => {
    install = await createInstall(kind);
    env = { ...install.env, COOKIE_SECRET: testConfig().cookieSecret };
    const server = await startTestServer(install);
    try {
      const teacher = new ApiClient(server.baseUrl);
      const signedUp = await teacher.post('/api/auth/sign-up', {
        email,
        name: 'Formula',
        password: 'correct horse battery',
      });
      expect(signedUp.status).toBe(201);
      sessionId = (await createLiveSession(teacher, 'self-paced')).session.id;
      expect((await teacher.get(`/api/sessions/${sessionId}/answers.csv`)).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 120_000);
  afterAll(async () => {
    await install.destroy();
  });

  it(
    'prints every row as CSV, naming the live account and session, formulas neutralised',
    COMMAND_TIMEOUT,
    async () => {
      const today = new Date().toISOString().slice(0, 10);
      const result = await runAdmin(['audit-csv', '--since', today, '--until', today], env);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const [header, ...rows] = parseCsv(result.stdout);
      expect(header).toEqual([
        'at',
        'actor_kind',
        'actor_ref',
        'actor_account',
        'action',
        'session_ref',
        'session_id',
        'student_ref',
        'address_hash',
        'detail',
      ]);
      const byAction = (action: string) => rows.filter((row) => row[4] === action);
      expect(byAction('signed_in').map((row) => row[3])).toEqual([`'${email}`]);
      expect(byAction('exported_session').map((row) => [row[3], row[6], row[9]])).toEqual([
        [`'${email}`, sessionId, 'answers.csv'],
      ]);
      expect(byAction('changed_retention')).toHaveLength(1);
    },
  );

  it(
    'prints only the header for days without rows, and refuses a malformed date',
    COMMAND_TIMEOUT,
    async () => {
      const empty = await runAdmin(['audit-csv', '--until', '2020-01-01'], env);
      expect(empty.code).toBe(0);
      expect(parseCsv(empty.stdout)).toHaveLength(1);
      const wrong = await runAdmin(['audit-csv', '--since', '2026-13-01'], env);
      expect(wrong.code).toBe(2);
      expect(wrong.stderr).toMatch(/--since takes a date such as 2026-09-01, not "2026-13-01"/);
      expect(wrong.stdout).toBe('');
    },
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveSession, joinAs, signUpTeacher } from './api-client';
import {
  createTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './test-server';

describe('request lines in the log at info', () => {
  const lines: string[] = [];
  let database: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await startTestServer(
      database,
      { logLevel: 'info' },
      { logStream: { write: (line) => lines.push(line) } },
    );
  });
  afterAll(async () => {
    await server.close();
    await database.destroy();
  });

  it('name no client address, join code or search text', async () => {
    const teacher = await signUpTeacher(server.baseUrl);
    const { session } = await createLiveSession(teacher, 'self-paced');
    await joinAs(server.baseUrl, session.joinCode, 'Kim');
    expect((await teacher.get(`/api/join/${session.joinCode}`)).status).toBe(200);
    const search = 'my neighbour Rosa';
    const searched = await teacher.get(
      `/api/sessions/${session.id}/responses?q=${encodeURIComponent(search)}`,
    );
    expect(searched.status).toBe(200);

    const requests = lines
      .map((line) => JSON.parse(line) as { req?: { url: string; client: string } })
      .flatMap((entry) => (entry.req ? [entry.req] : []));
    expect(requests.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        '/api/join/[redacted]',
        `/api/sessions/${session.id}/responses?q=[redacted]`,
      ]),
    );
    expect(requests.every((r) => /^[\w-]{12}$/.test(r.client))).toBe(true);
    // Every line about a request (the server's own "listening at" line names its address).
    const log = lines.filter((line) => line.includes('"reqId"')).join('');
    expect(log).toContain('/api/join/[redacted]');
    expect(log).not.toContain('127.0.0.1');
    expect(log).not.toContain(session.joinCode);
    expect(log).not.toContain(encodeURIComponent(search));
    expect(log).not.toContain('Rosa');
  });
});

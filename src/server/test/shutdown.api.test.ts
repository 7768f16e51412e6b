import { afterEach, expect, it } from 'vitest';
import { createLiveSession, signUpTeacher } from './api-client';
import { closeOpenStreams } from './event-stream-reader';
import { createTestDatabase, startTestServer, type TestDatabase } from './test-server';

let database: TestDatabase | undefined;

afterEach(async () => {
  closeOpenStreams();
  await database?.destroy();
});

// A server stopped (SIGTERM, a deploy) while a teacher's monitor or a student's page holds an
// event stream open must still stop: the stream ends, and the browser reconnects elsewhere.
it('closes while event streams are open, ending them', async () => {
  database = await createTestDatabase('pglite');
  const server = await startTestServer(database);
  const teacher = await signUpTeacher(server.baseUrl);
  const session = await createLiveSession(teacher, 'teacher-paced');
  const stream = await teacher.openStream(`/api/sessions/${session.session.id}/events`);
  await stream.next();

  const closed = server.close().then(() => 'closed');
  const waited = new Promise((resolve) => {
    setTimeout(() => {
      resolve('still open after 5 s');
    }, 5000);
  });
  expect(await Promise.race([closed, waited])).toBe('closed');
  await expect.poll(() => stream.hasEnded).toBe(true);
});

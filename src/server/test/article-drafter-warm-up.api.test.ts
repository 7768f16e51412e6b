import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { signUpTeacher } from './api-client';
import { articlePage } from './article-site';
import { createTestDatabase, startTestServer, type TestServer } from './test-server';

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of running.splice(0)) await stop();
});

async function startServer(warmUpArticleDrafter: boolean): Promise<TestServer> {
  const database = await createTestDatabase('pglite');
  const server = await startTestServer(database, {}, { warmUpArticleDrafter });
  running.push(async () => {
    await server.close();
    await database.destroy();
  });
  return server;
}

/** How long the first draft after a server start takes the teacher, in milliseconds. */
async function firstDraftMs(server: TestServer): Promise<number> {
  const teacher = await signUpTeacher(server.baseUrl);
  const start = performance.now();
  const response = await teacher.post('/api/lessons/drafts', { html: articlePage() });
  const took = performance.now() - start;
  expect(response.status).toBe(201);
  return took;
}

describe('the article drafter warmed up at start-up', () => {
  it('answers the first draft after a start without the second a cold drafter takes', async () => {
    const cold = await firstDraftMs(await startServer(false));

    const server = await startServer(true);
    // The warm-up the start began (the same promise): the teacher comes after it.
    await server.app.services.articleDrafts.warmUp();
    const warm = await firstDraftMs(server);

    console.log(
      `first draft after a start: ${Math.round(cold)} ms cold, ${Math.round(warm)} ms warmed up`,
    );
    expect(warm).toBeLessThan(cold);
    expect(warm).toBeLessThan(1000);
  }, 60_000);

  it('stops warming up without an error when the server closes first', async () => {
    const database = await createTestDatabase('pglite');
    const lines: string[] = [];
    const server = await startTestServer(
      database,
      { logLevel: 'info' },
      { warmUpArticleDrafter: true, logStream: { write: (line) => lines.push(line) } },
    );
    await server.close();
    await database.destroy();
    // The warm-up's rejection is handled after the close: let it be.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lines.filter((line) => line.includes('could not warm up'))).toEqual([]);
  }, 60_000);
});

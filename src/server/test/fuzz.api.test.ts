import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ApiClient, signUpTeacher } from './api-client';
import { describeWithServer } from './use-test-server';
import {
  type Caller,
  type Fixture,
  classOf,
  lessonTeacher,
  requestArbitrary,
  send,
} from './fuzz-requests';

/**
 * Property-based fuzzing of every endpoint: generated bodies, path parameters and query strings
 * (NUL, lone surrogates, control characters, huge strings, deep objects, wrong types, odd
 * numbers), sent as a signed-in teacher, a joined student and a stranger. Whatever is sent, the
 * server must answer; a refusal is a 4xx, never a 5xx.
 */

/** Requests per storage kind; about 30 s on PGlite on a busy two-core machine. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 700);

describeWithServer('fuzzing every endpoint on %s', (ctx) => {
  it(
    'never answers with a 5xx, whatever it is sent',
    async () => {
      const teacher = await signUpTeacher(ctx.server.baseUrl);
      const clients = new Map<Caller, ApiClient>([
        ['teacher', teacher],
        ['librarian', await lessonTeacher(ctx.server.baseUrl)],
        ['stranger', new ApiClient(ctx.server.baseUrl)],
        ['leaver', await signUpTeacher(ctx.server.baseUrl, 'Leaver')],
      ]);
      const fixture: Fixture = {
        main: await classOf(teacher, ctx.server.baseUrl, 'main', clients),
        paced: await classOf(teacher, ctx.server.baseUrl, 'paced', clients),
        spare: await classOf(teacher, ctx.server.baseUrl, 'spare', clients),
      };
      const statuses = new Map<number, number>();
      let requests = 0;
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(requestArbitrary(fixture), async (request) => {
          const status = await send(clients, request);
          requests += 1;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect(status, `${request.method} ${request.path} as ${request.caller}`).toBeLessThan(
            500,
          );
        }),
        { numRuns: RUNS },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const byStatus = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}: ${count}`)
        .join(', ');
      console.log(`[fuzz ${ctx.kind}] ${requests} requests in ${seconds} s (${byStatus})`);
      // Most requests got past authentication, so the handlers themselves were reached.
      expect(requests).toBeGreaterThanOrEqual(RUNS);
      expect((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0)).toBeGreaterThan(RUNS / 20);
      // A large FUZZ_RUNS (5,000 before a release) takes minutes on a busy machine.
    },
    Math.max(180_000, RUNS * 250),
  );
});

import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EndpointContract } from '#domain/api/endpoints';
import { errorHandlerPlugin } from '../plugins/error-handler';
import { useContractCompilers } from '../lib/contract-compilers';
import { addRoute } from './contract-route';

const echo = {
  method: 'POST',
  path: '/api/things/:id',
  caller: 'anyone',
  summary: 'A test endpoint.',
  params: z.object({ id: z.string().max(5) }),
  query: z.object({ n: z.coerce.number().int().optional() }),
  body: z.object({ name: z.string().min(1, 'name must not be empty') }),
  responses: { 201: z.object({ id: z.string(), name: z.string(), n: z.number().nullable() }) },
} as const satisfies EndpointContract;

let app: FastifyInstance;

async function build(register: (app: FastifyInstance) => void): Promise<FastifyInstance> {
  app = Fastify({ logger: false });
  useContractCompilers(app);
  await app.register(errorHandlerPlugin);
  await app.register(
    (scoped, _options, done) => {
      try {
        register(scoped);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    { prefix: '/api/things' },
  );
  await app.ready();
  return app;
}

afterEach(async () => {
  await app.close();
});

describe('routes registered from their contract', () => {
  it('validate params, query and body, and answer with the contract’s status', async () => {
    await build((scoped) => {
      addRoute(scoped, echo, ({ params, query, body }) => ({
        id: params.id,
        name: body.name,
        n: query.n ?? null,
        secret: 'never sent',
      }));
    });
    const ok = await app.inject({
      method: 'POST',
      url: '/api/things/ab?n=3',
      payload: { name: 'Ann' },
    });
    expect(ok.statusCode).toBe(201);
    // The serialiser drops what the contract does not name.
    expect(ok.json()).toEqual({ id: 'ab', name: 'Ann', n: 3 });
  });

  it('refuse a bad part of the request in the API’s error shape, naming it', async () => {
    await build((scoped) => {
      addRoute(scoped, echo, () => ({ id: 'x', name: 'x', n: null }));
    });
    const badPath = await app.inject({ method: 'POST', url: '/api/things/toolong', payload: {} });
    expect(badPath.statusCode).toBe(400);
    expect(badPath.json()).toMatchObject({ error: { code: 'invalid_input', field: 'id' } });
    expect(badPath.json<{ error: { message: string } }>().error.message).toMatch(/^id: /);

    const badBody = await app.inject({
      method: 'POST',
      url: '/api/things/ab',
      payload: { name: '' },
    });
    expect(badBody.json()).toEqual({
      error: { code: 'invalid_input', message: 'name: name must not be empty', field: 'name' },
    });

    const nul = await app.inject({
      method: 'POST',
      url: '/api/things/ab',
      payload: { name: 'a\u0000' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ error: { field: 'name' } });

    const noBody = await app.inject({ method: 'POST', url: '/api/things/ab' });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('never send an answer that breaks its contract', async () => {
    await build((scoped) => {
      // A handler that, by a bug, answers the wrong shape.
      addRoute(scoped, echo, () => ({ id: 'x', name: 7, n: null }) as unknown as never);
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/things/ab',
      payload: { name: 'Ann' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'internal' } });
    expect(response.body).not.toContain('"name":7');
  });

  it('refuse to register a contract path outside the plugin’s prefix', async () => {
    await expect(
      build((scoped) => {
        addRoute(scoped, { ...echo, path: '/api/other/:id' }, () => ({
          id: 'x',
          name: 'x',
          n: null,
        }));
      }),
    ).rejects.toThrow(/cannot be registered under the prefix \/api\/things/);
  });
});

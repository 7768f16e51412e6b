import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from '#domain/api/endpoints';
import {
  ApiRequestError,
  callEndpointUnparsed,
  describeApiError,
  NetworkError,
  ResponseContractError,
} from './api-client';
import { callEndpoint } from './call-endpoint';

const teacher = { id: 't1', email: 'a@b.c', name: 'Ann' };
const signInBody = { email: 'a@b.c', password: 'secret' };

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('document', { cookie: '' });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });

  it('sends the csrf cookie as a header on writes, with same-origin credentials', async () => {
    vi.stubGlobal('document', { cookie: 'other=1; csrf=abc.def' });
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { teacher }));
    await expect(callEndpoint(endpoints.signIn, { body: signInBody })).resolves.toEqual({
      teacher,
    });
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe('/api/auth/sign-in');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({
      'x-csrf-token': 'abc.def',
      'content-type': 'application/json',
    });
    expect(init?.body).toBe(JSON.stringify(signInBody));
  });

  it('sends the __Host-csrf cookie of an HTTPS site, not a plain csrf one planted beside it', async () => {
    vi.stubGlobal('document', { cookie: 'csrf=planted; __Host-csrf=real.sig' });
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { teacher }));
    await callEndpoint(endpoints.signIn, { body: signInBody });
    expect(fetchMock.mock.calls[0]![1]?.headers).toMatchObject({ 'x-csrf-token': 'real.sig' });
  });

  it('fetches a csrf token first when there is no cookie', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { token: 'fresh' }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(
      callEndpoint(endpoints.deleteSession, { params: { id: 'a b/c' } }),
    ).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/csrf');
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/sessions/a%20b%2Fc');
    expect(fetchMock.mock.calls[1]![1]?.headers).toMatchObject({ 'x-csrf-token': 'fresh' });
  });

  it('does not send a csrf header on reads', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { teacher }));
    await callEndpoint(endpoints.me);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![1]?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('throws the API’s error with its status, code, message and field', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, {
        error: { code: 'item_not_open', message: 'This question is closed.', field: 'itemId' },
      }),
    );
    const error = await callEndpoint(endpoints.me).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 409,
      code: 'item_not_open',
      message: 'This question is closed.',
      field: 'itemId',
    });
  });

  it('keeps the whole answer of a refusal that says more than its code', async () => {
    const body = {
      error: {
        code: 'lesson_invalid',
        message: 'The lesson has 1 problem.',
        problems: [{ path: 'sections[0].summary', line: 14, message: 'must not be empty' }],
      },
    };
    fetchMock.mockResolvedValueOnce(jsonResponse(422, body));
    const error = await callEndpoint(endpoints.me).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, code: 'lesson_invalid', body });
  });

  it('gives a readable error when the answer is not the API’s error shape', async () => {
    fetchMock.mockResolvedValueOnce(new Response('Bad gateway', { status: 502 }));
    await expect(callEndpoint(endpoints.me)).rejects.toMatchObject({
      status: 502,
      code: 'internal',
    });
  });

  it('throws a NetworkError when there is no answer at all', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(callEndpoint(endpoints.me)).rejects.toBeInstanceOf(NetworkError);
  });

  it('renews a stale csrf token once and retries', async () => {
    vi.stubGlobal('document', { cookie: 'csrf=stale' });
    fetchMock
      .mockResolvedValueOnce(jsonResponse(403, { error: { code: 'csrf_failed', message: 'No.' } }))
      .mockResolvedValueOnce(jsonResponse(200, { token: 'renewed' }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(callEndpoint(endpoints.signOut)).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[2]![1]?.headers).toMatchObject({ 'x-csrf-token': 'renewed' });
  });

  it('builds the query from the parameters given, leaving out the absent ones', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(200, { responses: [], wallIdentity: 'anonymous' }),
    );
    await callEndpoint(endpoints.wallResponses, {
      params: { id: 's1' },
      query: { itemId: undefined, q: 'red line' },
    });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/sessions/s1/responses?q=red+line');
  });

  it('parses the answer with its contract and drops what the contract does not name', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { teacher: { ...teacher, secret: 'x' } }));
    await expect(callEndpoint(endpoints.me)).resolves.toEqual({ teacher });
  });

  it('refuses an answer that breaks its contract with a typed, readable error', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { teacher: { id: 't1', name: 7 } }));
    const error = await callEndpoint(endpoints.me).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseContractError);
    expect(error).toMatchObject({ endpoint: 'GET /api/auth/me' });
    expect((error as ResponseContractError).problem).toMatch(/^teacher\.(email|name)/);
    expect(describeApiError(error)).toMatch(/does not understand.*Reload/);
  });

  it('refuses a success status the contract does not name', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { teacher }));
    vi.stubGlobal('document', { cookie: 'csrf=t' });
    const error = await callEndpoint(endpoints.signUp, {
      body: { email: 'a@b.c', name: 'Ann', password: 'long enough' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ResponseContractError',
      problem: 'unexpected status 200',
    });
  });

  it('reads a GET answer unparsed, with its path built from the parameters, and no csrf header', async () => {
    const lesson = { lessonId: 'x', anything: ['as', 'sent'] };
    fetchMock.mockResolvedValueOnce(jsonResponse(200, lesson));
    await expect(
      callEndpointUnparsed(endpoints.sharedLesson, { shareKey: 'a b/c' }),
    ).resolves.toEqual(lesson);
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe('/api/shared-lessons/a%20b%2Fc');
    expect(init?.method).toBe('GET');
    expect(init?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('refuses unparsed reads with the same typed errors', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(404, { error: { code: 'lesson_not_found', message: 'No such lesson.' } }),
    );
    await expect(
      callEndpointUnparsed(endpoints.sharedLesson, { shareKey: 'gone' }),
    ).rejects.toMatchObject({ name: 'ApiRequestError', status: 404, code: 'lesson_not_found' });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(
      callEndpointUnparsed(endpoints.sharedLesson, { shareKey: 'k' }),
    ).rejects.toBeInstanceOf(NetworkError);
  });
});

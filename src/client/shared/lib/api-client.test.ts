import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiRequestError, NetworkError } from './api-client';

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
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { ok: true }));
    await expect(api.post('/api/things', { a: 1 })).resolves.toEqual({ ok: true });
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe('/api/things');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toMatchObject({
      'x-csrf-token': 'abc.def',
      'content-type': 'application/json',
    });
    expect(init?.body).toBe('{"a":1}');
  });

  it('fetches a csrf token first when there is no cookie', async () => {
    fetchMock
      .mockResolvedValueOnce(jsonResponse(200, { token: 'fresh' }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(api.delete('/api/things/1')).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/csrf');
    expect(fetchMock.mock.calls[1]![1]?.headers).toMatchObject({ 'x-csrf-token': 'fresh' });
  });

  it('does not send a csrf header on reads', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(200, []));
    await api.get('/api/things');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![1]?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('throws the API’s error with its status, code, message and field', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(409, {
        error: { code: 'item_not_open', message: 'This question is closed.', field: 'itemId' },
      }),
    );
    const error = await api.get('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 409,
      code: 'item_not_open',
      message: 'This question is closed.',
      field: 'itemId',
    });
  });

  it('gives a readable error when the answer is not the API’s error shape', async () => {
    fetchMock.mockResolvedValueOnce(new Response('Bad gateway', { status: 502 }));
    await expect(api.get('/api/x')).rejects.toMatchObject({ status: 502, code: 'internal' });
  });

  it('throws a NetworkError when there is no answer at all', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.get('/api/x')).rejects.toBeInstanceOf(NetworkError);
  });

  it('renews a stale csrf token once and retries', async () => {
    vi.stubGlobal('document', { cookie: 'csrf=stale' });
    fetchMock
      .mockResolvedValueOnce(jsonResponse(403, { error: { code: 'csrf_failed', message: 'No.' } }))
      .mockResolvedValueOnce(jsonResponse(200, { token: 'renewed' }))
      .mockResolvedValueOnce(jsonResponse(200, { done: true }));
    await expect(api.post('/api/x')).resolves.toEqual({ done: true });
    expect(fetchMock.mock.calls[2]![1]?.headers).toMatchObject({ 'x-csrf-token': 'renewed' });
  });
});

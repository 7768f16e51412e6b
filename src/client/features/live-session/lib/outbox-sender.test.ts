import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { useOutboxStore as UseOutboxStore } from '../stores/outbox-store';
import type { startOutboxSender as StartOutboxSender } from './outbox-sender';
import { memoryStorage } from '#shared/testing/memory-storage';

let useOutboxStore: typeof UseOutboxStore;
let startOutboxSender: typeof StartOutboxSender;
const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();

beforeAll(async () => {
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('crypto', { randomUUID: () => `id-${Math.random()}` });
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', { cookie: 'csrf=token' });
  vi.stubGlobal('fetch', fetchMock);
  ({ useOutboxStore } = await import('../stores/outbox-store'));
  ({ startOutboxSender } = await import('./outbox-sender'));
});

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  fetchMock.mockReset();
  useOutboxStore.setState(useOutboxStore.getInitialState(), true);
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const refusal = (status: number, code: string, message: string, field?: string) =>
  json(status, { error: { code, message, ...(field ? { field } : {}) } });

/** Queues one answer, runs the sender for a minute of retries, and says what happened. */
async function sendFor(respond: () => Response) {
  fetchMock.mockImplementation(() => Promise.resolve(respond()));
  const onRejected = vi.fn();
  const onAcknowledged = vi.fn();
  const stop = startOutboxSender('s', { onAcknowledged, onRejected });
  useOutboxStore.getState().queueAnswer('s', 'poll-1', { kind: 'poll', optionIds: ['a'] }, 0);
  await vi.advanceTimersByTimeAsync(60_000);
  stop();
  return { onRejected, onAcknowledged, requests: fetchMock.mock.calls.length };
}

describe('the outbox sender', () => {
  it('stops sending an answer the server refuses as invalid, and shows why beside it', async () => {
    const message = 'answer.optionIds: choose exactly one option of this poll.';
    const { onRejected, requests } = await sendFor(() =>
      refusal(400, 'invalid_input', message, 'answer.optionIds'),
    );
    expect(requests).toBe(1);
    expect(onRejected).toHaveBeenCalledTimes(1);
    const state = useOutboxStore.getState();
    expect(state.entries).toEqual({});
    expect(state.rejections['s:poll-1']).toBe(message);
  });

  it('stops on every other refusal for good: a closed question, a removed student', async () => {
    for (const [status, code] of [
      [409, 'item_not_open'],
      [403, 'participant_removed'],
      [404, 'item_not_found'],
    ] as const) {
      const { requests } = await sendFor(() => refusal(status, code, 'No.'));
      expect(requests, code).toBe(1);
      expect(useOutboxStore.getState().entries).toEqual({});
      fetchMock.mockReset();
    }
  });

  it('keeps retrying while the server is failing or asks to slow down', async () => {
    const failing = await sendFor(() => refusal(503, 'internal', 'Busy.'));
    expect(failing.requests).toBeGreaterThan(5);
    expect(Object.keys(useOutboxStore.getState().entries)).toEqual(['s:poll-1']);
    expect(useOutboxStore.getState().rejections).toEqual({});
    fetchMock.mockReset();

    const limited = await sendFor(() => refusal(429, 'rate_limited', 'Slow down.'));
    expect(limited.requests).toBeGreaterThan(5);
    expect(Object.keys(useOutboxStore.getState().entries)).toEqual(['s:poll-1']);
  });
});

import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { useOutboxStore as UseOutboxStore } from './outbox-store';
import { memoryStorage } from '#shared/testing/memory-storage';

let useOutboxStore: typeof UseOutboxStore;

beforeAll(async () => {
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('crypto', { randomUUID: () => `id-${Math.random()}` });
  ({ useOutboxStore } = await import('./outbox-store'));
});

afterEach(() => {
  useOutboxStore.setState(useOutboxStore.getInitialState(), true);
});

const answer = (text: string) => ({ kind: 'prompt', text }) as const;

describe('the outbox', () => {
  it('counts revisions up per item, from what the server already holds', () => {
    const { queueAnswer } = useOutboxStore.getState();
    queueAnswer('s', 'i', answer('a'), 4);
    expect(useOutboxStore.getState().entries['s:i']?.revision).toBe(5);
    queueAnswer('s', 'i', answer('b'), 4);
    const entry = useOutboxStore.getState().entries['s:i'];
    expect(entry?.revision).toBe(6);
    expect(entry?.answer).toEqual(answer('b'));
  });

  it('keeps a newer submission when an older one is acknowledged', () => {
    const { queueAnswer, acknowledge } = useOutboxStore.getState();
    queueAnswer('s', 'i', answer('a'), 0);
    const older = useOutboxStore.getState().entries['s:i']!;
    queueAnswer('s', 'i', answer('b'), 0);
    acknowledge(older);
    expect(useOutboxStore.getState().entries['s:i']?.answer).toEqual(answer('b'));
    acknowledge(useOutboxStore.getState().entries['s:i']!);
    expect(useOutboxStore.getState().entries).toEqual({});
  });

  it('drops a refused submission and keeps the reason to show', () => {
    const { queueAnswer, reject } = useOutboxStore.getState();
    queueAnswer('s', 'i', answer('a'), 0);
    reject(useOutboxStore.getState().entries['s:i']!, 'This question is closed.');
    expect(useOutboxStore.getState().entries).toEqual({});
    expect(useOutboxStore.getState().rejections['s:i']).toBe('This question is closed.');
  });

  it('queues a draft and forgets the draft', () => {
    const { draftAnswer, queueAnswer } = useOutboxStore.getState();
    draftAnswer('s', 'i', answer('typing'));
    expect(useOutboxStore.getState().drafts['s:i']).toEqual(answer('typing'));
    queueAnswer('s', 'i', answer('typing'), 0);
    expect(useOutboxStore.getState().drafts).toEqual({});
  });

  it('persists only the unacknowledged submissions and revisions', () => {
    useOutboxStore.getState().queueAnswer('s', 'i', answer('a'), 0);
    useOutboxStore.getState().setOffline(true);
    const stored = JSON.parse(localStorage.getItem('article-discussion:outbox') ?? '{}') as {
      state: Record<string, unknown>;
      version: number;
    };
    expect(Object.keys(stored.state).sort()).toEqual(['entries', 'revisions']);
    expect(stored.version).toBe(1);
  });
});

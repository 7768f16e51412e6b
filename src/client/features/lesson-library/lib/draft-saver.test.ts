import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver, type SaveFailure } from './draft-saver';

interface Call {
  readonly draft: string;
  readonly basedOn: string | null | undefined;
  resolve: (savedAt: string) => void;
  reject: (error: unknown) => void;
}

function setup(basedOn: string | null = 't0') {
  const calls: Call[] = [];
  const copies: { draft: string; basedOn: string | null; unsaved: boolean }[] = [];
  const saver = new DraftSaver<string>({
    basedOn,
    delayMs: 800,
    retryMs: 10_000,
    save: (draft, on) =>
      new Promise<string>((resolve, reject) => {
        calls.push({ draft, basedOn: on, resolve, reject });
      }),
    classify: (error): SaveFailure =>
      error === 'offline' || error === 'conflict' ? error : { message: String(error) },
    keepCopy: (draft, on, unsaved) => {
      copies.push({ draft, basedOn: on, unsaved });
    },
  });
  return { saver, calls, copies };
}

/** Lets the save's promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

/** A saver whose first save, of `draft` once typing pauses, fails with `error`. */
async function firstSaveFails(draft: string, error: string) {
  const setUp = setup();
  setUp.saver.change(draft);
  await vi.advanceTimersByTimeAsync(800);
  setUp.calls[0]!.reject(error);
  await settle();
  return setUp;
}

describe('DraftSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps each change on the device at once and saves once typing pauses', async () => {
    const { saver, calls, copies } = setup();
    saver.change('a');
    saver.change('ab');
    expect(copies.map((c) => c.draft)).toEqual(['a', 'ab']);
    expect(copies.every((c) => c.unsaved)).toBe(true);
    expect(saver.getStatus()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(799);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => [c.draft, c.basedOn])).toEqual([['ab', 't0']]);
    expect(saver.getStatus()).toEqual({ kind: 'saving' });
    calls[0]!.resolve('t1');
    await settle();
    expect(saver.getStatus()).toEqual({ kind: 'saved', at: 't1' });
    expect(copies.at(-1)).toEqual({ draft: 'ab', basedOn: 't1', unsaved: false });
    expect(saver.isSaved()).toBe(true);
  });

  it('sends the changes made during a save after it, based on that save', async () => {
    const { saver, calls } = setup();
    saver.change('a');
    await vi.advanceTimersByTimeAsync(800);
    saver.change('ab');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('t1');
    await settle();
    expect(saver.getStatus()).not.toEqual({ kind: 'saved', at: 't1' });
    await settle();
    expect(calls.map((c) => [c.draft, c.basedOn])).toEqual([
      ['a', 't0'],
      ['ab', 't1'],
    ]);
    calls[1]!.resolve('t2');
    await settle();
    expect(saver.getStatus()).toEqual({ kind: 'saved', at: 't2' });
  });

  it('keeps the draft on the device when offline and sends it when the network is back', async () => {
    const { saver, calls, copies } = await firstSaveFails('a', 'offline');
    expect(saver.getStatus()).toEqual({ kind: 'offline' });
    expect(copies.at(-1)).toMatchObject({ draft: 'a', unsaved: true });
    saver.change('ab');
    expect(saver.getStatus()).toEqual({ kind: 'offline' });
    saver.retryNow();
    await settle();
    expect(calls.map((c) => c.draft)).toEqual(['a', 'ab']);
    calls[1]!.resolve('t1');
    await settle();
    expect(saver.getStatus()).toEqual({ kind: 'saved', at: 't1' });
  });

  it('tries again by itself while offline', async () => {
    const { calls } = await firstSaveFails('a', 'offline');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(2);
  });

  it('stops at a conflict until the teacher keeps theirs, which overwrites', async () => {
    const { saver, calls } = await firstSaveFails('mine', 'conflict');
    expect(saver.getStatus()).toEqual({ kind: 'conflict' });
    saver.change('mine!');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(await saver.flush()).toBe(false);
    saver.overwrite();
    await settle();
    expect(calls[1]).toMatchObject({ draft: 'mine!', basedOn: undefined });
    calls[1]!.resolve('t5');
    await settle();
    expect(saver.getStatus()).toEqual({ kind: 'saved', at: 't5' });
    saver.change('next');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls[2]).toMatchObject({ draft: 'next', basedOn: 't5' });
  });

  it('starts again from the newer draft when the teacher loads it', async () => {
    const { saver, calls, copies } = await firstSaveFails('mine', 'conflict');
    saver.replace('theirs', 't9');
    expect(saver.getStatus()).toEqual({ kind: 'saved', at: 't9' });
    expect(copies.at(-1)).toEqual({ draft: 'theirs', basedOn: 't9', unsaved: false });
    saver.change('theirs+');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls[1]).toMatchObject({ draft: 'theirs+', basedOn: 't9' });
  });

  it('says why a save was refused, and saves again at the next change', async () => {
    const { saver, calls } = await firstSaveFails('a', 'too large');
    expect(saver.getStatus()).toEqual({ kind: 'error', message: 'too large' });
    saver.change('b');
    await vi.advanceTimersByTimeAsync(800);
    expect(calls).toHaveLength(2);
  });

  it('flushes now, without waiting for the pause, and says whether all is saved', async () => {
    const { saver, calls } = setup();
    expect(await saver.flush()).toBe(true);
    saver.change('a');
    const flushed = saver.flush();
    await settle();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve('t1');
    expect(await flushed).toBe(true);
  });

  it('resumes a device copy the server never got: sends it, or stops at a conflict', async () => {
    const first = setup();
    first.saver.resume('kept', false);
    await settle();
    expect(first.calls[0]).toMatchObject({ draft: 'kept', basedOn: 't0' });
    const second = setup();
    second.saver.resume('kept', true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(second.calls).toHaveLength(0);
    expect(second.saver.getStatus()).toEqual({ kind: 'conflict' });
  });
});

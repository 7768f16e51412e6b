import { describe, expect, it } from 'vitest';
import { SpaceReclaimer } from './space-reclaimer';

/** A VACUUM stand-in that finishes when the test says, counting how often it was started. */
function controlledVacuum() {
  const finishers: Array<(error?: Error) => void> = [];
  let started = 0;
  return {
    started: () => started,
    finishNext: (error?: Error) => finishers.shift()?.(error),
    vacuum: () =>
      new Promise<void>((resolve, reject) => {
        started += 1;
        finishers.push((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}

describe('SpaceReclaimer', () => {
  it('returns at once and runs the VACUUM in the background', async () => {
    const vacuum = controlledVacuum();
    const reclaimer = new SpaceReclaimer(vacuum.vacuum, () => {});

    reclaimer.request();

    expect(vacuum.started()).toBe(1);
    let isSettled = false;
    const settled = reclaimer.settle().then(() => (isSettled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(isSettled).toBe(false);
    vacuum.finishNext();
    await settled;
    expect(isSettled).toBe(true);
  });

  it('folds the requests made during a run into one more run after it', async () => {
    const vacuum = controlledVacuum();
    const reclaimer = new SpaceReclaimer(vacuum.vacuum, () => {});

    reclaimer.request();
    reclaimer.request();
    reclaimer.request();
    vacuum.finishNext();
    await expect.poll(vacuum.started).toBe(2);
    vacuum.finishNext();
    await reclaimer.settle();

    expect(vacuum.started()).toBe(2);
  });

  it('reports a VACUUM that fails, and runs again at the next request', async () => {
    const vacuum = controlledVacuum();
    const errors: unknown[] = [];
    const reclaimer = new SpaceReclaimer(vacuum.vacuum, (error) => errors.push(error));

    reclaimer.request();
    vacuum.finishNext(new Error('disk full'));
    await reclaimer.settle();

    expect(errors).toEqual([new Error('disk full')]);
    reclaimer.request();
    expect(vacuum.started()).toBe(2);
    vacuum.finishNext();
    await reclaimer.settle();
  });
});

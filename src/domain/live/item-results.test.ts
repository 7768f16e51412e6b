import { describe, expect, it } from 'vitest';
import type { Item } from '../lesson/lesson-schema';
import { claimCheckOfTwo, pollWithLabels } from '../../test-fixtures/items';
import { computeItemResults } from './item-results';

const poll = pollWithLabels(['A', 'B', 'C']);

describe('computeItemResults', () => {
  it('counts each poll option, with every choice of a multiple-choice answer', () => {
    const results = computeItemResults(poll, [
      { kind: 'poll', optionIds: ['a', 'b'] },
      { kind: 'poll', optionIds: ['b'] },
      { kind: 'prompt', text: 'ignored: another kind' },
    ]);
    expect(results).toEqual({
      kind: 'choice',
      itemId: 'p',
      responses: 2,
      counts: [
        { key: 'a', count: 1 },
        { key: 'b', count: 2 },
        { key: 'c', count: 0 },
      ],
    });
  });

  it('counts the five points of a scale', () => {
    const results = computeItemResults({ kind: 'scale', id: 's', statement: 'Yes?' }, [
      { kind: 'scale', value: 4 },
      { kind: 'scale', value: 4 },
      { kind: 'scale', value: 1 },
    ]);
    expect(results.kind === 'choice' ? results.counts.map((c) => c.count) : null).toEqual([
      1, 0, 0, 2, 0,
    ]);
  });

  it('gives the mean and median of each forecast scenario', () => {
    const item: Item = {
      kind: 'forecast',
      id: 'f',
      question: 'Next?',
      asOf: '2020-01-06',
      horizon: '2020-12-31',
      scenarios: [
        { id: 'x', statement: 'X', resolution: { happened: true, date: '2020-01-08', text: 'X.' } },
        {
          id: 'y',
          statement: 'Y',
          resolution: { happened: false, date: '2020-12-31', text: 'Y.' },
        },
      ],
    };
    const results = computeItemResults(item, [
      { kind: 'forecast', probabilities: { x: 10, y: 50 } },
      { kind: 'forecast', probabilities: { x: 40 } },
      { kind: 'forecast', probabilities: { x: 100, y: 0 } },
    ]);
    expect(results).toEqual({
      kind: 'forecast',
      itemId: 'f',
      responses: 3,
      scenarios: [
        {
          scenarioId: 'x',
          mean: 50,
          median: 40,
          count: 3,
          buckets: [0, 1, 0, 0, 1, 0, 0, 0, 0, 1],
        },
        {
          scenarioId: 'y',
          mean: 25,
          median: 25,
          count: 2,
          buckets: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0],
        },
      ],
    });
  });

  it('counts the students who sorted each claim as expected', () => {
    const results = computeItemResults(claimCheckOfTwo('c', ['k', 'm']), [
      { kind: 'claimCheck', categories: { k: 'fact', m: 'fact' } },
      { kind: 'claimCheck', categories: { k: 'fact', m: 'opinion' } },
    ]);
    expect(results).toMatchObject({
      responses: 2,
      claims: [
        { claimId: 'k', asExpected: 2 },
        { claimId: 'm', asExpected: 1 },
      ],
    });
  });
});

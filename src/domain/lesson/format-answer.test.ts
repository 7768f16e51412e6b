import { describe, expect, it } from 'vitest';
import { pollWithLabels } from '../../test-fixtures/items';
import { formatAnswerText } from './format-answer';

const poll = pollWithLabels(['Alpha', 'Beta']);

describe('formatAnswerText', () => {
  it('writes each kind of answer as one line', () => {
    expect(formatAnswerText(poll, { kind: 'poll', optionIds: ['b', 'a'] })).toBe('Alpha; Beta');
    expect(
      formatAnswerText({ kind: 'scale', id: 's', statement: 'S' }, { kind: 'scale', value: 4 }),
    ).toBe('4 (Agree)');
    expect(
      formatAnswerText(
        { kind: 'prompt', id: 'q', question: 'Q', level: 'recall' },
        { kind: 'prompt', text: 'Line one,\nline "two"' },
      ),
    ).toBe('Line one,\nline "two"');
    expect(
      formatAnswerText(
        {
          kind: 'forecast',
          id: 'f',
          question: 'F',
          asOf: '2020-01-06',
          horizon: '2020-12-31',
          scenarios: [
            {
              id: 'x',
              statement: 'X happens.',
              resolution: { happened: true, date: '2020-01-08', text: 'X.' },
            },
            {
              id: 'y',
              statement: 'Y happens.',
              resolution: { happened: false, date: '2020-12-31', text: 'Y.' },
            },
          ],
        },
        { kind: 'forecast', probabilities: { y: 0, x: 75 } },
      ),
    ).toBe('X happens. 75 %; Y happens. 0 %');
    expect(
      formatAnswerText(
        {
          kind: 'claimCheck',
          id: 'c',
          instructions: 'Sort.',
          claims: [{ id: 'k', quote: 'It rained.', expected: 'fact', explanation: 'E.' }],
        },
        { kind: 'claimCheck', categories: { k: 'opinion' } },
      ),
    ).toBe('"It rained.": Opinion');
  });

  it('gives nothing for an answer of another kind', () => {
    expect(formatAnswerText(poll, { kind: 'scale', value: 2 })).toBe('');
  });
});

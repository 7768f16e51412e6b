import type { ClaimCheckItem, ForecastItem, PollItem } from '#domain/lesson/lesson-schema';

/**
 * A poll "Which?" whose options `a`, `b`, `c`… carry these labels: multiple-choice with the id
 * `p` unless told.
 */
export function pollWithLabels(
  labels: readonly string[],
  { id = 'p', mode = 'multiple' }: { readonly id?: string; readonly mode?: PollItem['mode'] } = {},
): PollItem {
  return {
    kind: 'poll',
    id,
    question: 'Which?',
    mode,
    options: labels.map((label, index) => ({ id: String.fromCharCode(97 + index), label })),
  };
}

/**
 * A forecast "What next?" (id `f`) made on 2020-01-06 for 2020-12-31, of two scenarios: `A`
 * happened on 2020-01-08, `B` did not; each is given its id and the text of its resolution.
 */
export function forecastOfTwo(
  happened: { readonly id: string; readonly text: string },
  didNot: { readonly id: string; readonly text: string },
): ForecastItem {
  return {
    kind: 'forecast',
    id: 'f',
    question: 'What next?',
    asOf: '2020-01-06',
    horizon: '2020-12-31',
    scenarios: [
      {
        id: happened.id,
        statement: 'A',
        resolution: { happened: true, date: '2020-01-08', text: happened.text },
      },
      {
        id: didNot.id,
        statement: 'B',
        resolution: { happened: false, date: '2020-12-31', text: didNot.text },
      },
    ],
  };
}

/** A claim check (id `claims` unless told) of two claims: a fact, then an opinion. */
export function claimCheckOfTwo(
  id = 'claims',
  [factId, opinionId]: readonly [string, string] = ['c1', 'c2'],
): ClaimCheckItem {
  return {
    kind: 'claimCheck',
    id,
    instructions: 'Sort them.',
    claims: [
      { id: factId, quote: 'One.', expected: 'fact', explanation: 'Checkable.' },
      { id: opinionId, quote: 'Two.', expected: 'opinion', explanation: 'A view.' },
    ],
  };
}

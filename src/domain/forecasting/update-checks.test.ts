import { describe, expect, it } from 'vitest';
import { checkForecastUpdate, FORECAST_REASON_MAX, normalizeForecastReason } from './update-checks';

const update = {
  scenarioIds: ['a', 'b'],
  probabilities: { a: 30, b: 70 },
  reason: 'The talks stalled again on Tuesday.',
  hasEarlierVersion: true,
};

describe('checkForecastUpdate', () => {
  it('accepts every scenario given with a one-line reason', () => {
    expect(checkForecastUpdate(update)).toBeNull();
  });

  it('requires a reason on an update, not on a first forecast', () => {
    const required = {
      code: 'reason_required',
      field: 'reason',
      message: 'say in one line why you changed your forecast',
    };
    expect(checkForecastUpdate({ ...update, reason: undefined })).toEqual(required);
    expect(checkForecastUpdate({ ...update, reason: '   ' })).toEqual(required);
    expect(checkForecastUpdate({ ...update, reason: null, hasEarlierVersion: false })).toBeNull();
  });

  it('refuses a reason of more than one line, too long, or with control characters', () => {
    expect(checkForecastUpdate({ ...update, reason: 'first\nsecond' })).toEqual({
      code: 'invalid_input',
      field: 'reason',
      message: 'must be one line',
    });
    expect(checkForecastUpdate({ ...update, reason: 'x'.repeat(FORECAST_REASON_MAX) })).toBeNull();
    expect(checkForecastUpdate({ ...update, reason: 'x'.repeat(281) })?.message).toBe(
      'must be at most 280 characters',
    );
    expect(checkForecastUpdate({ ...update, reason: 'a\u0000b' })?.message).toBe(
      'contains a NUL character (U+0000)',
    );
    // Checked on the first version too, when one is given.
    expect(
      checkForecastUpdate({ ...update, hasEarlierVersion: false, reason: 'a\rb' })?.field,
    ).toBe('reason');
  });

  it('requires every scenario and no other, each a percent from 0 to 100', () => {
    expect(checkForecastUpdate({ ...update, probabilities: { a: 30 } })).toEqual({
      code: 'invalid_input',
      field: 'probabilities',
      message: 'give a percent for every scenario (missing: b)',
    });
    expect(checkForecastUpdate({ ...update, probabilities: { a: 1, b: 2, c: 3 } })?.message).toBe(
      'no such scenario in this question: c',
    );
    expect(checkForecastUpdate({ ...update, probabilities: { a: 30, b: 100.5 } })).toEqual({
      code: 'invalid_input',
      field: 'probabilities.b',
      message: 'must be a number from 0 to 100',
    });
    expect(checkForecastUpdate({ ...update, probabilities: { a: Number.NaN, b: 0 } })?.field).toBe(
      'probabilities.a',
    );
  });
});

describe('normalizeForecastReason', () => {
  it('trims a reason and stores none for blank', () => {
    expect(normalizeForecastReason('  new poll  ')).toBe('new poll');
    expect(normalizeForecastReason(' ')).toBeNull();
    expect(normalizeForecastReason(undefined)).toBeNull();
  });
});

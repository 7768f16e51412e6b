import { describe, expect, it } from 'vitest';
import type { Answer } from './answers';
import { checkAnswerForItem } from './check-answer';
import { claimCheckOfTwo, pollWithLabels } from '../../test-fixtures/items';
import type { ForecastItem, PollItem, PromptItem, ScaleItem } from './lesson-schema';

const single = pollWithLabels(['A', 'B', 'C'], { id: 'single', mode: 'single' });
const multiple: PollItem = { ...single, id: 'multiple', mode: 'multiple' };
const scale: ScaleItem = { kind: 'scale', id: 'scale', statement: 'Agree?' };
const prompt: PromptItem = { kind: 'prompt', id: 'prompt', question: 'Why?', level: 'analysis' };
const resolution = { happened: true, date: '2020-02-01', text: 'It did.' };
const forecast: ForecastItem = {
  kind: 'forecast',
  id: 'forecast',
  question: 'What next?',
  asOf: '2020-01-06',
  horizon: '2020-12-31',
  scenarios: [
    { id: 'war', statement: 'War', resolution },
    { id: 'talks', statement: 'Talks', resolution },
  ],
};
const claims = claimCheckOfTwo();

const poll = (...optionIds: string[]): Answer => ({ kind: 'poll', optionIds });
const forecastOf = (probabilities: Record<string, number>): Answer => ({
  kind: 'forecast',
  probabilities,
});
const sortOf = (categories: Record<string, string>) =>
  ({ kind: 'claimCheck', categories }) as Answer;

describe('checkAnswerForItem', () => {
  it('accepts a fitting answer of every kind', () => {
    expect(checkAnswerForItem(single, poll('b'))).toBeNull();
    expect(checkAnswerForItem(multiple, poll('c', 'a'))).toBeNull();
    expect(checkAnswerForItem(scale, { kind: 'scale', value: 5 })).toBeNull();
    expect(checkAnswerForItem(prompt, { kind: 'prompt', text: 'Because.' })).toBeNull();
    expect(checkAnswerForItem(forecast, forecastOf({ war: 0, talks: 100 }))).toBeNull();
    expect(checkAnswerForItem(claims, sortOf({ c1: 'fact', c2: 'prediction' }))).toBeNull();
  });

  it('refuses an answer of another kind than the item', () => {
    expect(checkAnswerForItem(single, { kind: 'scale', value: 3 })).toEqual({
      field: 'kind',
      message: 'this item takes a poll answer',
    });
  });

  it('takes exactly one known option in a single-choice poll', () => {
    expect(checkAnswerForItem(single, poll('a', 'b'))).toEqual({
      field: 'optionIds',
      message: 'choose exactly one option of this poll',
    });
    expect(checkAnswerForItem(single, poll())?.field).toBe('optionIds');
    expect(checkAnswerForItem(single, poll('z'))).toEqual({
      field: 'optionIds',
      message: 'this poll has no option "z"',
    });
  });

  it('takes distinct options of its own in a multiple-choice poll, or none', () => {
    expect(checkAnswerForItem(multiple, poll(...Array<string>(50).fill('a')))).toEqual({
      field: 'optionIds',
      message: 'each option may be chosen once (repeated: "a")',
    });
    expect(checkAnswerForItem(multiple, poll('a', 'nope', 'other'))?.message).toBe(
      'this poll has no option "nope", "other"',
    );
    // Unticking every box withdraws the choice.
    expect(checkAnswerForItem(multiple, poll())).toBeNull();
  });

  it('takes a whole point of the scale', () => {
    for (const value of [0, 6, 2.5, Number.NaN, -1]) {
      expect(checkAnswerForItem(scale, { kind: 'scale', value })).toEqual({
        field: 'value',
        message: 'must be a whole number from 1 to 5',
      });
    }
  });

  it("takes a forecast of exactly the item's scenarios, each from 0 to 100", () => {
    expect(checkAnswerForItem(forecast, forecastOf({ war: 10 }))).toEqual({
      field: 'probabilities',
      message: 'give an answer for every scenario (missing: "talks")',
    });
    expect(checkAnswerForItem(forecast, forecastOf({ war: 10, talks: 20, peace: 5 }))).toEqual({
      field: 'probabilities',
      message: 'this item has no scenario "peace"',
    });
    for (const bad of [-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkAnswerForItem(forecast, forecastOf({ war: 10, talks: bad }))).toEqual({
        field: 'probabilities.talks',
        message: 'must be a number from 0 to 100',
      });
    }
    // An inherited name is not one of the item's scenarios.
    expect(checkAnswerForItem(forecast, forecastOf({ war: 1, talks: 2, toString: 3 }))?.field).toBe(
      'probabilities',
    );
  });

  it('takes every claim of the item, each in a known category', () => {
    expect(checkAnswerForItem(claims, sortOf({ c1: 'fact' }))).toEqual({
      field: 'categories',
      message: 'give an answer for every claim (missing: "c2")',
    });
    expect(checkAnswerForItem(claims, sortOf({ c1: 'fact', c2: 'fact', c3: 'fact' }))).toEqual({
      field: 'categories',
      message: 'this item has no claim "c3"',
    });
    expect(checkAnswerForItem(claims, sortOf({ c1: 'fact', c2: 'rumour' }))).toEqual({
      field: 'categories.c2',
      message: 'must be one of fact, opinion, prediction, analysis',
    });
  });

  it('lets work in progress leave scenarios and claims out, never add unknown ones', () => {
    const incomplete = { allowIncomplete: true };
    expect(checkAnswerForItem(forecast, forecastOf({ war: 10 }), incomplete)).toBeNull();
    expect(checkAnswerForItem(forecast, forecastOf({}), incomplete)).toBeNull();
    expect(checkAnswerForItem(claims, sortOf({ c2: 'analysis' }), incomplete)).toBeNull();
    expect(checkAnswerForItem(forecast, forecastOf({ war: 10, peace: 1 }), incomplete)?.field).toBe(
      'probabilities',
    );
    expect(checkAnswerForItem(claims, sortOf({ c1: 'gossip' }), incomplete)?.field).toBe(
      'categories.c1',
    );
  });

  it('lets a prompt be cleared', () => {
    expect(checkAnswerForItem(prompt, { kind: 'prompt', text: '' })).toBeNull();
  });
});

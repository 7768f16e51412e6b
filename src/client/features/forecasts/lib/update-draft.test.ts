import { describe, expect, it } from 'vitest';
import { checkUpdateDraft, hasProblems, toUpdateRequest } from './update-draft';

const scenarios = [
  { id: 'a', statement: 'A happens' },
  { id: 'b', statement: 'B happens' },
];

describe('checkUpdateDraft', () => {
  it('names the scenarios still without a percent', () => {
    const problems = checkUpdateDraft({ probabilities: { a: 40 }, reason: '' }, scenarios, true);
    expect(problems.missingScenarios).toEqual(['B happens']);
    expect(hasProblems(problems)).toBe(true);
  });

  it('lets a first forecast go without a reason', () => {
    const problems = checkUpdateDraft(
      { probabilities: { a: 0, b: 100 }, reason: ' ' },
      scenarios,
      true,
    );
    expect(problems).toEqual({ missingScenarios: [], reason: null });
    expect(hasProblems(problems)).toBe(false);
  });

  it('asks for a reason on an update', () => {
    const problems = checkUpdateDraft(
      { probabilities: { a: 1, b: 2 }, reason: '  ' },
      scenarios,
      false,
    );
    expect(problems.reason).toBe('Say in one line why you are changing your forecast.');
  });

  it('refuses a reason over 280 characters, saying how long it is', () => {
    const problems = checkUpdateDraft(
      { probabilities: { a: 1, b: 2 }, reason: 'x'.repeat(281) },
      scenarios,
      false,
    );
    expect(problems.reason).toBe('Keep your reason to 280 characters (it has 281).');
  });
});

describe('toUpdateRequest', () => {
  it('sends every percent and the trimmed reason', () => {
    expect(toUpdateRequest({ probabilities: { a: 0, b: 65 }, reason: ' News today ' })).toEqual({
      probabilities: { a: 0, b: 65 },
      reason: 'News today',
    });
  });

  it('leaves out an empty reason', () => {
    expect(toUpdateRequest({ probabilities: { a: 5, b: undefined }, reason: '' })).toEqual({
      probabilities: { a: 5 },
    });
  });
});

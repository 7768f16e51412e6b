import { describe, expect, it } from 'vitest';
import { checkScenarioDraft, toResolutionRequest } from './resolution-draft';

const today = '2026-12-10';

describe('checkScenarioDraft', () => {
  it('asks nothing of a scenario left unresolved', () => {
    expect(checkScenarioDraft({ outcome: '', resolvedOn: '', sourceUrl: '' }, today)).toEqual({});
  });

  it('asks for a day and a source for yes and no', () => {
    expect(checkScenarioDraft({ outcome: 'yes', resolvedOn: '', sourceUrl: '' }, today)).toEqual({
      resolvedOn: 'Give the day the outcome became known.',
      sourceUrl: 'Give a link to the source that shows the outcome.',
    });
  });

  it('lets an annulled scenario go without a source, but not with a bad one', () => {
    expect(
      checkScenarioDraft({ outcome: 'annulled', resolvedOn: today, sourceUrl: '' }, today),
    ).toEqual({});
    expect(
      checkScenarioDraft({ outcome: 'annulled', resolvedOn: today, sourceUrl: 'ftp://x' }, today),
    ).toEqual({ sourceUrl: 'The source must be an http or https address.' });
  });

  it('refuses a day after today', () => {
    expect(
      checkScenarioDraft(
        { outcome: 'no', resolvedOn: '2026-12-11', sourceUrl: 'https://example.org' },
        today,
      ),
    ).toEqual({ resolvedOn: 'The day cannot be after today.' });
  });
});

describe('toResolutionRequest', () => {
  it('sends the scenarios given an outcome, a source only when there is one', () => {
    expect(
      toResolutionRequest({
        a: { outcome: 'yes', resolvedOn: today, sourceUrl: ' https://example.org/a ' },
        b: { outcome: 'annulled', resolvedOn: today, sourceUrl: '' },
        c: { outcome: '', resolvedOn: '', sourceUrl: '' },
      }),
    ).toEqual({
      scenarios: {
        a: { outcome: 'yes', resolvedOn: today, sourceUrl: 'https://example.org/a' },
        b: { outcome: 'annulled', resolvedOn: today },
      },
    });
  });

  it('is null when nothing is resolved', () => {
    expect(toResolutionRequest({ a: { outcome: '', resolvedOn: '', sourceUrl: '' } })).toBeNull();
  });
});

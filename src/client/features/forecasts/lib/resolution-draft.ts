import type { ResolutionRequest, ScenarioOutcome } from '#domain/api/forecast-contracts';

/**
 * The teacher's resolution form, scenario by scenario: an outcome (or none yet), the day it
 * became known and a source link, required for yes and no. Pure, so its checks are tested.
 */

export interface ScenarioResolutionDraft {
  readonly outcome: ScenarioOutcome | '';
  readonly resolvedOn: string;
  readonly sourceUrl: string;
}

export type ResolutionDraft = Readonly<Record<string, ScenarioResolutionDraft>>;

/** What is wrong with one scenario's draft, field by field; empty when nothing is. */
export interface DraftFieldProblems {
  readonly resolvedOn?: string;
  readonly sourceUrl?: string;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    // Not an address at all: the caller says so.
    return false;
  }
}

export function checkScenarioDraft(
  draft: ScenarioResolutionDraft,
  today: string,
): DraftFieldProblems {
  if (draft.outcome === '') return {};
  const problems: { resolvedOn?: string; sourceUrl?: string } = {};
  if (draft.resolvedOn === '') problems.resolvedOn = 'Give the day the outcome became known.';
  else if (draft.resolvedOn > today) problems.resolvedOn = 'The day cannot be after today.';
  const url = draft.sourceUrl.trim();
  if (url === '' && draft.outcome !== 'annulled') {
    problems.sourceUrl = 'Give a link to the source that shows the outcome.';
  } else if (url !== '' && !isWebAddress(url)) {
    problems.sourceUrl = 'The source must be an http or https address.';
  }
  return problems;
}

/**
 * The request for the scenarios given an outcome; the ones left without stay as they are. Null
 * when no scenario has one.
 */
export function toResolutionRequest(draft: ResolutionDraft): ResolutionRequest | null {
  const scenarios = Object.fromEntries(
    Object.entries(draft).flatMap(([id, scenario]) => {
      if (scenario.outcome === '') return [];
      const url = scenario.sourceUrl.trim();
      return [
        [
          id,
          {
            outcome: scenario.outcome,
            resolvedOn: scenario.resolvedOn,
            ...(url === '' ? {} : { sourceUrl: url }),
          },
        ] as const,
      ];
    }),
  );
  return Object.keys(scenarios).length === 0 ? null : { scenarios };
}

import { describe, expect, it } from 'vitest';
import type { ForecastVersion, ScenarioResolutions } from './forecast-types';
import {
  meanTimeWeightedScore,
  scoreQuestion,
  scoringWindow,
  type QuestionScoringInput,
} from './score-question';

/** A version made at noon UTC of `day` (or at `time`), giving `probabilities`. */
const made = (
  day: string,
  probabilities: Record<string, number>,
  time = '12:00',
): ForecastVersion => ({
  probabilities,
  madeAt: `${day}T${time}:00Z`,
});

const yes = (resolvedOn: string) => ({ outcome: 'yes' as const, resolvedOn });
const no = (resolvedOn: string) => ({ outcome: 'no' as const, resolvedOn });

function question(
  overrides: Partial<QuestionScoringInput> & { resolutions: ScenarioResolutions },
): QuestionScoringInput {
  return {
    opensOn: '2026-03-01',
    closesOn: '2026-03-05',
    scenarioIds: ['s1'],
    forecasters: [],
    ...overrides,
  };
}

const scoreOf = (scores: ReturnType<typeof scoreQuestion>, id: string) =>
  [...scores.forecasters, ...scores.teams].find((entry) => entry.id === id)?.score;

describe('scoringWindow', () => {
  it('runs from the opening day through the close date or the resolution, whichever is first', () => {
    const window = { opensOn: '2026-03-01', closesOn: '2026-03-05' };
    expect(scoringWindow({ ...window, resolvedOn: '2026-03-09' })).toEqual({
      firstDay: '2026-03-01',
      lastDay: '2026-03-05',
    });
    expect(scoringWindow({ ...window, resolvedOn: '2026-03-03' }).lastDay).toBe('2026-03-03');
  });

  it('ends a historical question (outcome known before it opened) at its close date', () => {
    const historical = { opensOn: '2026-03-01', resolvedOn: '2020-01-08' };
    expect(scoringWindow({ ...historical, closesOn: '2026-03-02' }).lastDay).toBe('2026-03-02');
    expect(scoringWindow({ ...historical, closesOn: null }).lastDay).toBe('2026-03-01');
  });
});

describe('scoreQuestion: time-weighted Brier and log score', () => {
  it('scores a forecast made on the last day with the class median on the days before', () => {
    // Window 03-01..03-05 (5 days); yes. A says 60 % from day 1; B says 90 % on day 5 only.
    // Median: days 1-4 = 60 (A alone), day 5 = (60 + 90) / 2 = 75.
    // A: 5 × (0.6 − 1)² / 5 = 0.16; log −ln 0.6 = 0.5108256.
    // B: (4 × 0.16 + (0.9 − 1)²) / 5 = 0.65 / 5 = 0.13;
    //    log (4 × 0.5108256 + −ln 0.9 = 0.1053605) / 5 = 2.1486630 / 5 = 0.4297326.
    // Median: (4 × 0.16 + (0.75 − 1)² = 0.0625) / 5 = 0.7025 / 5 = 0.1405.
    const scores = scoreQuestion(
      question({
        resolutions: { s1: yes('2026-03-10') },
        forecasters: [
          { id: 'A', versions: [made('2026-03-01', { s1: 60 })] },
          { id: 'B', versions: [made('2026-03-05', { s1: 90 }, '23:59')] },
        ],
      }),
    );
    expect(scoreOf(scores, 'A')?.brier).toBeCloseTo(0.16, 10);
    expect(scoreOf(scores, 'A')?.logScore).toBeCloseTo(0.5108256, 6);
    expect(scoreOf(scores, 'B')?.brier).toBeCloseTo(0.13, 10);
    expect(scoreOf(scores, 'B')?.logScore).toBeCloseTo(0.4297326, 6);
    expect(scores.classMedian?.brier).toBeCloseTo(0.1405, 10);
    expect(scores.scenarios).toEqual([
      expect.objectContaining({ scenarioId: 's1', scoredDays: 5, finalMedianPercent: 75 }),
    ]);
  });

  it('weighs each version by the days it stood', () => {
    // Window 03-01..03-10 (10 days); no. 80 % for 3 days, 50 % for 4, 20 % for 3.
    // Brier: (3 × 0.64 + 4 × 0.25 + 3 × 0.04) / 10 = (1.92 + 1 + 0.12) / 10 = 0.304.
    // Log (q = 1 − p): (3 × −ln 0.2 + 4 × −ln 0.5 + 3 × −ln 0.8) / 10
    //   = (4.8283137 + 2.7725887 + 0.6694307) / 10 = 0.8270333.
    const scores = scoreQuestion(
      question({
        closesOn: '2026-03-10',
        resolutions: { s1: no('2026-03-12') },
        forecasters: [
          {
            id: 'A',
            versions: [
              made('2026-03-08', { s1: 20 }),
              made('2026-03-01', { s1: 80 }),
              made('2026-03-04', { s1: 50 }),
            ],
          },
        ],
      }),
    );
    expect(scoreOf(scores, 'A')?.brier).toBeCloseTo(0.304, 10);
    expect(scoreOf(scores, 'A')?.logScore).toBeCloseTo(0.8270333, 6);
    expect(scores.forecasters[0]?.scenarios[0]?.finalPercent).toBe(20);
  });

  it('stops the window at an early resolution and ignores later versions', () => {
    // Closes 03-31 but resolved yes on 03-03: 3 days at 50 % = 0.25; the 100 % of 03-05 is late.
    const scores = scoreQuestion(
      question({
        closesOn: '2026-03-31',
        resolutions: { s1: yes('2026-03-03') },
        forecasters: [
          { id: 'A', versions: [made('2026-03-01', { s1: 50 }), made('2026-03-05', { s1: 100 })] },
        ],
      }),
    );
    expect(scoreOf(scores, 'A')?.brier).toBeCloseTo(0.25, 10);
    expect(scores.scenarios[0]?.lastDay).toBe('2026-03-03');
  });

  it('gives a late joiner the class median before their first forecast, and drops days nobody had forecast', () => {
    // Opens 02-27, closes 03-04 (6 days); yes. Nobody forecast 02-27 or 02-28: N = 4.
    // A 20 % and B 40 % from 03-01; C 90 % from 03-03.
    // Median 03-01, 03-02: (20 + 40) / 2 = 30; 03-03, 03-04: median(20, 40, 90) = 40.
    // C: (2 × (0.3 − 1)² + 2 × (0.9 − 1)²) / 4 = (0.98 + 0.02) / 4 = 0.25.
    // A: 4 × 0.64 / 4 = 0.64. Median: (2 × 0.49 + 2 × 0.36) / 4 = 1.7 / 4 = 0.425.
    const scores = scoreQuestion(
      question({
        opensOn: '2026-02-27',
        closesOn: '2026-03-04',
        resolutions: { s1: yes('2026-03-04') },
        forecasters: [
          { id: 'A', versions: [made('2026-03-01', { s1: 20 })] },
          { id: 'B', versions: [made('2026-03-01', { s1: 40 })] },
          { id: 'C', versions: [made('2026-03-03', { s1: 90 })] },
        ],
      }),
    );
    expect(scoreOf(scores, 'C')?.brier).toBeCloseTo(0.25, 10);
    expect(scoreOf(scores, 'A')?.brier).toBeCloseTo(0.64, 10);
    expect(scores.classMedian?.brier).toBeCloseTo(0.425, 10);
    expect(scores.scenarios[0]?.scoredDays).toBe(4);
  });

  it('leaves an annulled scenario out of every score', () => {
    // s1 yes, s2 annulled: A's 70 % on s1 alone counts, (0.7 − 1)² = 0.09; its 10 % on s2 does not.
    const scores = scoreQuestion(
      question({
        scenarioIds: ['s1', 's2'],
        resolutions: {
          s1: yes('2026-03-05'),
          s2: { outcome: 'annulled', resolvedOn: '2026-03-02' },
        },
        forecasters: [{ id: 'A', versions: [made('2026-03-01', { s1: 70, s2: 10 })] }],
      }),
    );
    expect(scoreOf(scores, 'A')?.brier).toBeCloseTo(0.09, 10);
    expect(scores.scenarios.map((s) => s.scenarioId)).toEqual(['s1']);
    expect(scores.forecasters[0]?.scenarios.map((s) => s.scenarioId)).toEqual(['s1']);
  });

  it('scores nobody when every scenario is annulled or unresolved', () => {
    const scores = scoreQuestion(
      question({
        scenarioIds: ['s1', 's2'],
        resolutions: { s1: { outcome: 'annulled', resolvedOn: '2026-03-02' } },
        forecasters: [{ id: 'A', versions: [made('2026-03-01', { s1: 70, s2: 10 })] }],
      }),
    );
    expect(scores.scenarios).toEqual([]);
    expect(scores.classMedian).toBeNull();
    expect(scores.forecasters).toEqual([{ id: 'A', score: null, scenarios: [] }]);
  });

  it('means the scenario scores over a question', () => {
    // s1 yes at 70 %: 0.09; s2 no at 40 %: 0.16; the question: (0.09 + 0.16) / 2 = 0.125.
    // Log: (−ln 0.7 = 0.3566749 + −ln 0.6 = 0.5108256) / 2 = 0.4337503.
    const scores = scoreQuestion(
      question({
        scenarioIds: ['s1', 's2'],
        resolutions: { s1: yes('2026-03-05'), s2: no('2026-03-05') },
        forecasters: [{ id: 'A', versions: [made('2026-03-01', { s1: 70, s2: 40 })] }],
      }),
    );
    expect(scoreOf(scores, 'A')?.brier).toBeCloseTo(0.125, 10);
    expect(scoreOf(scores, 'A')?.logScore).toBeCloseTo(0.4337503, 6);
  });

  it('clips 0 % and 100 % to 1 % and 99 % under the log score, not under Brier', () => {
    // Yes at 0 %: Brier 1, log −ln 0.01 = 4.6051702. Yes at 100 %: Brier 0, log −ln 0.99 = 0.0100503.
    // No at 100 %: q = 1 − 0.99 = 0.01, log 4.6051702.
    const forecasters = [
      { id: 'zero', versions: [made('2026-03-01', { s1: 0 })] },
      { id: 'hundred', versions: [made('2026-03-01', { s1: 100 })] },
    ];
    const whenYes = scoreQuestion(
      question({ resolutions: { s1: yes('2026-03-05') }, forecasters }),
    );
    expect(scoreOf(whenYes, 'zero')?.brier).toBe(1);
    expect(scoreOf(whenYes, 'zero')?.logScore).toBeCloseTo(4.6051702, 6);
    expect(scoreOf(whenYes, 'hundred')?.brier).toBe(0);
    expect(scoreOf(whenYes, 'hundred')?.logScore).toBeCloseTo(0.0100503, 6);
    const whenNo = scoreQuestion(question({ resolutions: { s1: no('2026-03-05') }, forecasters }));
    expect(scoreOf(whenNo, 'hundred')?.logScore).toBeCloseTo(4.6051702, 6);
    expect(Number.isFinite(scoreOf(whenNo, 'hundred')?.logScore)).toBe(true);
  });

  it('counts the last of several versions made on one day, by time and in UTC', () => {
    // Of 30 % at 09:00 and 70 % at 15:00 on 03-01, 70 % stands: (0.7 − 1)² = 0.09 (given out of
    // order). 20:00 at UTC−5 on 03-01 is 01:00 UTC on 03-02, after the one-day window: ignored.
    const scores = scoreQuestion(
      question({
        closesOn: '2026-03-01',
        resolutions: { s1: yes('2026-03-01') },
        forecasters: [
          {
            id: 'A',
            versions: [
              made('2026-03-01', { s1: 70 }, '15:00'),
              made('2026-03-01', { s1: 30 }, '09:00'),
              { probabilities: { s1: 0 }, madeAt: '2026-03-01T20:00:00-05:00' },
            ],
          },
        ],
      }),
    );
    expect(scoreOf(scores, 'A')?.brier).toBeCloseTo(0.09, 10);
  });

  it('gives no score to someone with no version by the end of the window', () => {
    const scores = scoreQuestion(
      question({
        resolutions: { s1: yes('2026-03-02') },
        forecasters: [
          { id: 'A', versions: [made('2026-03-01', { s1: 60 })] },
          { id: 'late', versions: [made('2026-03-04', { s1: 90 })] },
          { id: 'none', versions: [] },
        ],
      }),
    );
    expect(scoreOf(scores, 'late')).toBeNull();
    expect(scoreOf(scores, 'none')).toBeNull();
  });

  it('refuses a version whose time is not a time', () => {
    expect(() =>
      scoreQuestion(
        question({
          resolutions: { s1: yes('2026-03-02') },
          forecasters: [{ id: 'A', versions: [{ probabilities: { s1: 5 }, madeAt: 'yesterday' }] }],
        }),
      ),
    ).toThrow(/madeAt must be a time, got "yesterday"/);
  });
});

describe('scoreQuestion: teams', () => {
  it("scores a team on its members' median, and on the class median before any member forecast", () => {
    // Window 03-01..03-03; yes. A 20 % from 03-01, B 60 % from 03-02, C 80 % from 03-01,
    // D 100 % from 03-03. Team T = {A, B}: 20, then median(20, 60) = 40, 40.
    //   (0.64 + 0.36 + 0.36) / 3 = 1.36 / 3 = 0.4533333.
    // Team U = {D}: class median on 03-01 median(20, 80) = 50 and 03-02 median(20, 60, 80) = 60,
    //   then its own 100 %: (0.25 + 0.16 + 0) / 3 = 0.41 / 3 = 0.1366667.
    // Team V = {E}, who never forecast: no score.
    const scores = scoreQuestion(
      question({
        closesOn: '2026-03-03',
        resolutions: { s1: yes('2026-03-03') },
        forecasters: [
          { id: 'A', versions: [made('2026-03-01', { s1: 20 })] },
          { id: 'B', versions: [made('2026-03-02', { s1: 60 })] },
          { id: 'C', versions: [made('2026-03-01', { s1: 80 })] },
          { id: 'D', versions: [made('2026-03-03', { s1: 100 })] },
          { id: 'E', versions: [] },
        ],
        teams: [
          { id: 'T', name: 'Team T', memberIds: ['A', 'B'] },
          { id: 'U', name: 'Team U', memberIds: ['D', 'not-a-forecaster'] },
          { id: 'V', name: 'Team V', memberIds: ['E'] },
        ],
      }),
    );
    expect(scoreOf(scores, 'T')?.brier).toBeCloseTo(0.4533333, 6);
    expect(scoreOf(scores, 'U')?.brier).toBeCloseTo(0.1366667, 6);
    expect(scoreOf(scores, 'V')).toBeNull();
    expect(scores.teams.find((team) => team.id === 'T')?.scenarios[0]?.finalPercent).toBe(40);
  });
});

describe('meanTimeWeightedScore', () => {
  it('means Brier and log score apart, and is null for nothing', () => {
    // (0.1 + 0.3) / 2 = 0.2; (0.5 + 1.5) / 2 = 1.
    const scores = [
      { brier: 0.1, logScore: 0.5 },
      { brier: 0.3, logScore: 1.5 },
    ];
    expect(meanTimeWeightedScore(scores)).toEqual({ brier: 0.2, logScore: 1 });
    expect(meanTimeWeightedScore([])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { migrateLessonV2ToV3 } from './lesson-v2-to-v3';

const scenario = (extra: Record<string, unknown>) => ({
  id: 's',
  statement: 'It rains.',
  ...extra,
  resolution: { happened: true, date: '2020-01-02', text: 'It rained.' },
});

function v2Lesson(scenarios: unknown[]) {
  return {
    schemaVersion: 2,
    id: 'hand-made',
    sections: [
      {
        id: 'a',
        items: [
          { kind: 'prompt', id: 'p', question: 'Why?', level: 'recall' },
          { kind: 'forecast', id: 'f', question: 'Q', scenarios },
        ],
      },
    ],
    glossary: [],
  };
}

const scenariosOf = (lesson: Record<string, unknown>): unknown =>
  (lesson as { sections: { items: { scenarios?: unknown }[] }[] }).sections[0]?.items[1]?.scenarios;

describe('migrateLessonV2ToV3', () => {
  it('turns the author’s view into the lesson’s reading, its basis into a one-line reason', () => {
    const before = v2Lesson([
      scenario({ authorView: { probability: 70, basis: 'He says so.\n  Twice.' } }),
      scenario({}),
    ]);
    const after = migrateLessonV2ToV3(before);
    expect(scenariosOf(after)).toStrictEqual([
      scenario({ lessonReading: { probability: 70, reason: 'He says so. Twice.' } }),
      scenario({}),
    ]);
    expect(before.sections[0]?.items[1]).toHaveProperty('scenarios.0.authorView');
    expect(after.sections).not.toBe(before.sections);
  });

  it('moves what it does not understand to the new name, for the validation to report', () => {
    const after = migrateLessonV2ToV3(
      v2Lesson([scenario({ authorView: 'likely' }), scenario({ authorView: { probability: 5 } })]),
    );
    expect(scenariosOf(after)).toStrictEqual([
      scenario({ lessonReading: 'likely' }),
      scenario({ lessonReading: { probability: 5 } }),
    ]);
  });

  it('leaves a lesson without sections or forecasts as it was', () => {
    expect(migrateLessonV2ToV3({ id: 'x', sections: 'none' })).toStrictEqual({
      id: 'x',
      sections: 'none',
    });
    const noForecast = { sections: [{ id: 'a', items: [{ kind: 'scale', id: 's' }] }] };
    expect(migrateLessonV2ToV3(noForecast)).toStrictEqual(noForecast);
  });
});

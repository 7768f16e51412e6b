import fc from 'fast-check';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';

/** The hostile values the fuzz test sends: strings, numbers, JSON, answers, lesson files. */
const items = lesson.sections.flatMap((s) => s.items);
export const itemIds = items.map((i) => i.id);
export const sectionIds = lesson.sections.map((s) => s.id);
export const promptIds = items.filter((i) => i.kind === 'prompt').map((i) => i.id);
const optionIds = items.flatMap((i) => (i.kind === 'poll' ? i.options.map((o) => o.id) : []));
const scenarioIds = items.flatMap((i) =>
  i.kind === 'forecast' ? i.scenarios.map((s) => s.id) : [],
);
const claimIds = items.flatMap((i) => (i.kind === 'claimCheck' ? i.claims.map((c) => c.id) : []));

const withCharacter = (codes: fc.Arbitrary<number>) =>
  fc
    .tuple(fc.string({ maxLength: 8 }), codes, fc.string({ maxLength: 8 }))
    .map(([before, code, after]) => `${before}${String.fromCharCode(code)}${after}`);

/** Strings a careless server chokes on. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  withCharacter(fc.integer({ min: 0, max: 0x1f })),
  withCharacter(fc.integer({ min: 0xd800, max: 0xdfff })),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uD800',
    '\uDFFF',
    'x'.repeat(70_000),
    'é'.repeat(5001),
    '__proto__',
    'constructor',
    "' OR 1=1 --",
    '../../etc/passwd',
    '%',
    '%00',
    '😀',
    '00000000-0000-0000-0000-000000000000',
    'NaN',
    '1e400',
  ),
);

export const nastyNumber: fc.Arbitrary<number | string | null> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1, 0.5, 5, 6, 100, 100.0001, 1e308, -1e308, 2 ** 53 + 1, 1e-300),
  fc.constantFrom('1', '', null),
);

/** Any JSON value, including deep nesting. */
const deep = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
};
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(deep(20), deep(2000), [], {}, null) },
  { weight: 2, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
);

/** A known value most of the time, something else otherwise. */
export const mostly = (known: readonly (string | boolean)[]): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: anyJson });
export const mostlyString = (known: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: nastyString },
  );
/** An optional field: absent, or a known value, or anything. */
export const field = (arbitrary: fc.Arbitrary<unknown>) => fc.option(arbitrary, { nil: undefined });

export const answerBody = fc.record({
  submissionId: fc.oneof(fc.uuid(), anyJson),
  revision: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), nastyNumber),
  answer: fc.oneof(
    fc.record({ kind: fc.constant('prompt'), text: fc.oneof(nastyString, anyJson) }),
    fc.record({
      kind: fc.constant('poll'),
      optionIds: fc.oneof(fc.array(mostlyString(optionIds), { maxLength: 60 }), anyJson),
    }),
    fc.record({
      kind: fc.constant('scale'),
      value: fc.oneof(fc.integer({ min: 0, max: 6 }), nastyNumber),
    }),
    fc.record({
      kind: fc.constant('forecast'),
      probabilities: fc.oneof(
        fc.dictionary(
          mostlyString(scenarioIds),
          fc.oneof(fc.integer({ min: 0, max: 100 }), nastyNumber),
        ),
        anyJson,
      ),
    }),
    fc.record({
      kind: fc.constant('claimCheck'),
      categories: fc.oneof(
        fc.dictionary(
          mostlyString(claimIds),
          mostly(['fact', 'opinion', 'prediction', 'analysis']),
        ),
        anyJson,
      ),
    }),
    anyJson,
  ),
});

export const outcomesBody = fc.record({
  itemId: mostly(['forecast-2020', ...itemIds]),
  outcomes: fc.oneof(
    fc.dictionary(
      mostlyString(scenarioIds),
      fc.oneof(
        fc.record({ happened: mostly([true, false]), text: fc.oneof(nastyString, anyJson) }),
        anyJson,
      ),
    ),
    anyJson,
  ),
});

/** A day: today-ish, long ago, far ahead, or not a real day. */
export const forecastDay = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom('2026-02-30', '2026-13-01', '26-01-01', '2026-01-01T00:00:00Z'),
);

/** A forecast resolution: some scenarios (or unknown ones) settled, taken back or garbled. */
export const resolutionBody = fc.record({
  scenarios: fc.oneof(
    fc.dictionary(
      mostlyString(scenarioIds),
      fc.oneof(
        fc.constant(null),
        fc.record({
          outcome: mostly(['yes', 'no', 'annulled']),
          resolvedOn: fc.oneof(forecastDay, anyJson),
          sourceUrl: field(fc.oneof(fc.webUrl(), nastyString, anyJson)),
        }),
        anyJson,
      ),
    ),
    anyJson,
  ),
});

/** A forecast update from the forecasts page. */
export const forecastUpdateBody = fc.record({
  probabilities: fc.oneof(
    fc.dictionary(
      mostlyString(scenarioIds),
      fc.oneof(fc.integer({ min: 0, max: 100 }), nastyNumber),
    ),
    anyJson,
  ),
  reason: field(fc.oneof(nastyString, anyJson)),
});

/** A lesson file: the shipped lesson with one thing changed, or something else entirely. */
const fileHead = '{"format":"article-discussion-lesson","schemaVersion":4,';
const zeros = (count: number) => new Array<string>(count).fill('0').join(',');
/** Hostile files of about 100 to 300 KB: each once took the server seconds or minutes. */
const HOSTILE_FILES: readonly string[] = [
  // A long field name over many values (positions were keyed by whole paths: quadratic).
  `${fileHead}"${'n'.repeat(100_000)}":[${zeros(50_000)}]}`,
  // More values than a lesson has, where the sections go.
  `${fileHead}"sections":[${zeros(100_000)}]}`,
  // Many problems: 2,000 empty sections.
  `${fileHead}"sections":[${new Array<string>(2000).fill('{}').join(',')}]}`,
  // Deep nesting, and a long text.
  `${fileHead}"sections":${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
  `${fileHead}"id":"${'a'.repeat(200_000)}"}`,
  `${fileHead}"id":"${'\\u0041'.repeat(30_000)}"}`,
];
const lessonText = JSON.stringify({ format: 'article-discussion-lesson', ...lesson });
/** The shipped lesson's file with one text, number or id replaced. */
const changedFile = fc
  .tuple(
    fc.constantFrom(
      `"${lesson.metadata.title}"`,
      `"${lesson.id}"`,
      `"${optionIds[0] ?? ''}"`,
      `"${optionIds[1] ?? ''}"`,
      '"schemaVersion":4',
      '"points":2',
    ),
    fc.oneof(
      nastyString.map((text) => JSON.stringify(text)),
      fc.constantFrom(
        '"\\u0000"',
        '"\\u0007"',
        '"\\u007f"',
        '"\\u0085"',
        '"\\u200b"',
        '"\\ud800"',
        `"${optionIds[0] ?? ''}"`,
        '"schemaVersion":1',
        '"schemaVersion":2147483648',
        '"points":1e400',
      ),
    ),
  )
  .map(([from, to]) => lessonText.replace(from, to));
export const lessonFile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: changedFile },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_FILES) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: anyJson },
);
/** A changed file's lesson; the text itself when the change broke the JSON. */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
/** A draft: the shipped lesson with one thing changed, parsed, or anything at all. */
export const lessonDraft: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: changedFile.map(parsedOrText) },
  { weight: 1, arbitrary: anyJson },
  {
    weight: 1,
    arbitrary: fc.constantFrom({ sections: new Array<Record<string, never>>(2000).fill({}) }),
  },
);
export const timestamp = fc.oneof(
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2024-02-30T00:00:00Z'),
  nastyString,
  anyJson,
);

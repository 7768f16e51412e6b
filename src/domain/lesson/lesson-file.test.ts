import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import {
  CURRENT_LESSON_FILE_VERSION,
  describeLessonFileProblem,
  exportLessonFile,
  importLessonFile,
  LESSON_FILE_FORMAT,
  LESSON_FILE_MAX_BYTES,
  MAX_REPORTED_PROBLEMS,
  type LessonFileProblem,
} from './lesson-file';
import { LESSON_MIGRATIONS, type LessonMigration } from './lesson-migrations';
import type { Lesson } from './lesson-schema';

const EXAMPLE_URL = new URL('../../../docs/examples/small-lesson.json', import.meta.url);
const exampleText = readFileSync(EXAMPLE_URL, 'utf8');
/**
 * The shipped lesson's file, and the shipped lesson before its revision (issue 11) as version 1
 * and version 2 of the app exported it.
 */
const shippedText = readFileSync(
  new URL('./builtin/soleimani-2020.lesson.json', import.meta.url),
  'utf8',
);
const shippedV1Text = readFileSync(
  new URL('./fixtures/soleimani-2020.v1.lesson.json', import.meta.url),
  'utf8',
);
const shippedV2Text = readFileSync(
  new URL('./fixtures/soleimani-2020.v2.lesson.json', import.meta.url),
  'utf8',
);

function imported(text: string): Lesson {
  const result = importLessonFile(text);
  if (!result.ok) throw new Error(result.problems.map(describeLessonFileProblem).join('\n'));
  return result.lesson;
}

function problemsOf(
  text: string,
  options?: Parameters<typeof importLessonFile>[1],
): LessonFileProblem[] {
  const result = importLessonFile(text, options);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineWith(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((line, i) => i >= after && line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${needle}`);
  return index + 1;
}

/** The same object with the fields of every object in reverse order. */
function reversedFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, field]) => [key, reversedFields(field)]),
  );
}

describe('exporting and importing a lesson file', () => {
  it('gives back the shipped lesson, and the same bytes when exported again', () => {
    const file = exportLessonFile(soleimaniLesson);
    const lesson = imported(file);
    expect(lesson).toStrictEqual(soleimaniLesson);
    expect(exportLessonFile(lesson)).toBe(file);
  });

  it('keeps the shipped lesson’s file byte for byte: export, import, export', () => {
    expect(exportLessonFile(soleimaniLesson)).toBe(shippedText);
    expect(exportLessonFile(imported(shippedText))).toBe(shippedText);
  });

  it('keeps the small example byte for byte: it is an export', () => {
    expect(exportLessonFile(imported(exampleText))).toBe(exampleText);
  });

  it('writes the format first, then the version, pretty, with a trailing newline', () => {
    const file = exportLessonFile(soleimaniLesson);
    expect(
      file.startsWith(`{\n  "format": "${LESSON_FILE_FORMAT}",\n  "schemaVersion": 5,\n`),
    ).toBe(true);
    expect(file.endsWith('}\n')).toBe(true);
  });

  it('writes fields in one fixed order, whatever order the lesson’s objects have', () => {
    const shuffled = reversedFields(soleimaniLesson) as Lesson;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(soleimaniLesson));
    expect(exportLessonFile(shuffled)).toBe(exportLessonFile(soleimaniLesson));
  });

  it('imports a file whose fields are in any order, with fields it does not know dropped', () => {
    const file = JSON.parse(exampleText) as Record<string, unknown>;
    const text = JSON.stringify({ ...(reversedFields(file) as object), comment: 'mine' });
    expect(exportLessonFile(imported(text))).toBe(exampleText);
  });

  it('is at version CURRENT_LESSON_FILE_VERSION, which the example carries', () => {
    expect(CURRENT_LESSON_FILE_VERSION).toBe(5);
    expect(imported(exampleText).schemaVersion).toBe(CURRENT_LESSON_FILE_VERSION);
  });
});

describe('importing a file with problems', () => {
  it('names the line and column of broken JSON', () => {
    const broken = exampleText.replace('"title": "The decision",', '"title": "The decision"');
    const line = lineWith(broken, '"title": "The decision"') + 1;
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: '', line });
    expect(problems[0]?.message).toBe(
      `is not valid JSON: expected ',' or '}' but found '"' (line ${line}, column 7)`,
    );
  });

  it('lists every problem, each with its field path and the line where the field sits', () => {
    const broken = exampleText
      .replace('"level": "recall"', '"level": "remember"')
      .replace('"mode": "multiple"', '"mode": "several"')
      .replace('"horizon": "2025-12-31"', '"horizon": "31/12/2025"')
      .replace('"kind": "scale"', '"kind": "scales"')
      .replace('"probability": 20', '"probability": 120')
      .replace(/\s*"summary": "The council[^"]*",/, '')
      .replace(/"options": \[\s*\{\s*"id": "a-quarter"[^\]]*\]/, '"options": []');
    const decision = lineWith(broken, '"id": "decision"') - 1;
    const problems = problemsOf(broken);
    expect(problems).toStrictEqual([
      {
        path: 'sections[0].items[0].level',
        line: lineWith(broken, '"level": "remember"'),
        message: 'must be one of "recall", "analysis", "evaluation"',
      },
      {
        path: 'sections[0].items[1].options',
        line: lineWith(broken, '"options": []'),
        message: 'needs at least 2 entries',
      },
      {
        path: 'sections[0].summary',
        line: decision,
        message: 'is missing: it should be a text',
      },
      {
        path: 'sections[1].items[0].mode',
        line: lineWith(broken, '"mode": "several"'),
        message: 'must be one of "single", "multiple"',
      },
      {
        path: 'sections[1].items[1].kind',
        line: lineWith(broken, '"kind": "scales"'),
        message:
          'must be one of "prompt", "poll", "scale", "forecast", "claimCheck", "writing", "statements"',
      },
      {
        path: 'sections[1].items[3].horizon',
        line: lineWith(broken, '"horizon"'),
        message: 'must be a date written YYYY-MM-DD, e.g. "2020-01-03"',
      },
      {
        path: 'sections[1].items[3].scenarios[0].lessonReading.probability',
        line: lineWith(broken, '"probability": 120'),
        message: 'must be at most 100',
      },
    ]);
  });

  it('says what a field holds when it holds the wrong kind of value', () => {
    const broken = exampleText
      .replace('"minWords": 15', '"minWords": "fifteen"')
      .replace('"teacherNotes": [', '"teacherNotes": "see below", "x": [');
    expect(problemsOf(broken).map((p) => `${p.path} ${p.message}`)).toStrictEqual([
      'sections[0].items[0].guidance.minWords should be a number, not a text',
      'sections[0].teacherNotes should be a list, not a text',
    ]);
  });

  it('refuses a source address that is not http or https, naming the field', () => {
    for (const url of [
      'javascript:alert(document.cookie)',
      'JavaScript:void(0)',
      'data:text/html,x',
      'ftp://example.org/a',
    ]) {
      const broken = exampleText.replace(
        '"permission":',
        `"url": ${JSON.stringify(url)}, "permission":`,
      );
      expect(problemsOf(broken), url).toStrictEqual([
        {
          path: 'metadata.source.url',
          line: lineWith(broken, '"url"'),
          message: 'must be a web address starting with http:// or https://',
        },
      ]);
    }
    const fine = exampleText.replace(
      '"permission":',
      '"url": "https://example.org/a?b=1", "permission":',
    );
    expect(imported(fine).metadata.source.url).toBe('https://example.org/a?b=1');
  });

  it('checks version 2’s fields: section minutes, extension items, the permission note', () => {
    const broken = exampleText
      .replace('"core": 9', '"core": 0')
      .replace('"extension": 5', '"extension": 241')
      .replace('"extension": true', '"extension": "yes"')
      .replace('"permission": "Written', '"permission": " ", "x": "Written');
    expect(problemsOf(broken)).toStrictEqual([
      {
        path: 'metadata.source.permission',
        line: lineWith(broken, '"permission"'),
        message: 'must not be empty',
      },
      {
        path: 'sections[0].minutes.core',
        line: lineWith(broken, '"core": 0'),
        message: 'must be at least 1',
      },
      {
        path: 'sections[1].minutes.extension',
        line: lineWith(broken, '"extension": 241'),
        message: 'must be at most 240',
      },
      {
        path: 'sections[1].items[2].extension',
        line: lineWith(broken, '"extension": "yes"'),
        message: 'should be true or false, not a text',
      },
    ]);
  });

  it('accepts a section without teacher notes, and one with no extension minutes', () => {
    const text = exampleText
      .replace(/"teacherNotes": \[[^\]]*\]/, '"teacherNotes": []')
      .replace('"extension": 5', '"extension": 0');
    const lesson = imported(text);
    expect(lesson.sections[0]?.teacherNotes).toStrictEqual([]);
    expect(lesson.sections[1]?.minutes).toStrictEqual({ core: 11, extension: 0 });
  });

  it('keeps the lesson schema’s own messages, e.g. a repeated id', () => {
    const broken = exampleText.replace('"id": "what-next-fair"', '"id": "decision-van-visits"');
    expect(problemsOf(broken)).toStrictEqual([
      {
        path: 'sections[1].items[1].id',
        line: lineWith(broken, '"id": "decision-van-visits"', lineWith(broken, '"kind": "scale"')),
        message: expect.stringContaining('duplicate id "item:decision-van-visits"') as string,
      },
    ]);
  });

  it.each([
    [0, 'is 0, a version of the lesson format this app does not read (it reads versions 1 to 5)'],
    [
      99,
      'is 99, a version of the lesson format this app does not read (it reads versions 1 to 5): the file may come from a newer version of the app',
    ],
  ])('refuses schemaVersion %i, naming the versions it reads', (version, message) => {
    const text = exampleText.replace('"schemaVersion": 5', `"schemaVersion": ${version}`);
    expect(problemsOf(text)).toStrictEqual([{ path: 'schemaVersion', line: 3, message }]);
  });

  it('refuses a file without a version, or with one that is not a whole number', () => {
    const missing = exampleText.replace('"schemaVersion": 5,\n', '');
    expect(problemsOf(missing)).toStrictEqual([
      {
        path: 'schemaVersion',
        line: 1,
        message:
          'is missing: it says which version of the lesson format the file uses (this app reads versions 1 to 5)',
      },
    ]);
    const text = exampleText.replace('"schemaVersion": 5', '"schemaVersion": "3"');
    expect(problemsOf(text)[0]?.message).toMatch(/^must be a whole number: /);
  });

  it('refuses a file that is not a lesson file, saying so before anything else', () => {
    expect(problemsOf('{"format": "slides", "schemaVersion": 1}')).toStrictEqual([
      {
        path: 'format',
        line: 1,
        message: 'is "slides", not "article-discussion-lesson": this is not a lesson file',
      },
    ]);
    expect(problemsOf('{}').map((p) => p.path)).toStrictEqual(['format', 'schemaVersion']);
    expect(problemsOf('[1, 2]')).toStrictEqual([
      {
        path: '',
        line: 1,
        message: 'should hold one lesson: a group of fields, not a list or a single value',
      },
    ]);
  });

  it(`refuses a file over ${LESSON_FILE_MAX_BYTES} bytes before reading it`, () => {
    const padded = exampleText.replace('{', `{"padding": "${'x'.repeat(LESSON_FILE_MAX_BYTES)}",`);
    expect(problemsOf(padded)).toStrictEqual([
      { path: '', line: null, message: 'is 1.1 MB: a lesson file can be at most 1 MB' },
    ]);
    const huge = ' '.repeat(3 * LESSON_FILE_MAX_BYTES);
    expect(problemsOf(huge)[0]?.message).toBe('is 3 MB: a lesson file can be at most 1 MB');
  });

  it('counts the limit in UTF-8 bytes, as the file is stored', () => {
    // 180 UTF-16 units, 400 bytes: é is 2 bytes, € 3, the emoji 4 (two UTF-16 units).
    const text = `"${'é€😀'.repeat(44)}xx"`;
    expect(text.length).toBe(180);
    expect(problemsOf(text, { maxBytes: 399 })[0]?.message).toBe(
      'is 400 bytes: a lesson file can be at most 399 bytes',
    );
    expect(problemsOf(text, { maxBytes: 400 })[0]?.message).toMatch(/^should hold one lesson/);
  });
});

describe('importing a file of an older version', () => {
  it('migrates the shipped lesson’s version 1 file to the same lesson as version 2 wrote it', () => {
    expect(shippedV1Text).toContain('"schemaVersion": 1,');
    expect(shippedV2Text).toContain('"schemaVersion": 2,');
    expect(imported(shippedV1Text)).toStrictEqual(imported(shippedV2Text));
  });

  it('migrates the version 2 file’s author views to the lesson’s readings', () => {
    const lesson = imported(shippedV2Text);
    expect(lesson.schemaVersion).toBe(5);
    const forecast = lesson.sections
      .flatMap((section) => section.items)
      .find((item) => item.kind === 'forecast');
    if (forecast?.kind !== 'forecast') throw new Error('no forecast in the version 2 file');
    expect(forecast.scenarios.map((s) => s.lessonReading?.probability)).toStrictEqual([
      70, 25, 20, 20, 50,
    ]);
    expect(forecast.scenarios[0]?.lessonReading?.reason).toMatch(/^He reports that Iran/);
    expect(shippedV2Text).not.toContain('lessonReading');
  });

  it('shares the version 1 classroom minutes among the sections', () => {
    const v1 = JSON.parse(shippedV1Text) as {
      metadata: { estimatedMinutes: { classroom: number } };
    };
    const lesson = imported(shippedV1Text);
    const minutes = lesson.sections.map((section) => section.minutes);
    expect(minutes.reduce((sum, m) => sum + m.core, 0)).toBe(
      v1.metadata.estimatedMinutes.classroom,
    );
    expect(minutes.every((m) => m.core >= 1 && m.extension === 0)).toBe(true);
    expect(lesson.metadata).not.toHaveProperty('estimatedMinutes');
  });

  it('names each section’s minutes when the version 1 classroom minutes cannot be shared', () => {
    const broken = shippedV1Text.replace('"classroom": 45', '"classroom": 0');
    const problems = problemsOf(broken);
    expect(problems).toHaveLength(8);
    expect(problems[0]).toStrictEqual({
      path: 'sections[0].minutes',
      line: lineWith(broken, '"id": "thesis"') - 1,
      message: 'is missing: it should be a group of fields',
    });
    expect(problems.map((p) => p.path)).toStrictEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((s) => `sections[${s}].minutes`),
    );
  });

  /** A made-up version 0, before version 1, that called the lesson's title `name`. */
  const fromZero: LessonMigration[] = [
    {
      from: 0,
      to: 1,
      migrate: ({ metadata, ...rest }) => {
        const { name, ...others } = metadata as Record<string, unknown>;
        return { ...rest, metadata: { ...others, title: name } };
      },
    },
    ...LESSON_MIGRATIONS,
  ];
  const versionZero = shippedV1Text
    .replace('"schemaVersion": 1', '"schemaVersion": 0')
    .replace('"title": "Misreading', '"name": "Misreading');

  it('takes every step in turn, and exports the result as today’s file would be', () => {
    const result = importLessonFile(versionZero, { migrations: fromZero });
    expect(result.ok && exportLessonFile(result.lesson)).toBe(
      exportLessonFile(imported(shippedV2Text)),
    );
  });

  it('checks the migrated lesson, naming today’s fields at the lines the file has them', () => {
    const broken = versionZero.replace('"level": "recall"', '"level": "remember"');
    expect(problemsOf(broken, { migrations: fromZero })).toStrictEqual([
      {
        path: 'sections[0].items[1].level',
        line: lineWith(broken, '"level": "remember"'),
        message: 'must be one of "recall", "analysis", "evaluation"',
      },
    ]);
  });

  it('is refused by an app that has no step from it', () => {
    expect(problemsOf(versionZero)[0]?.message).toMatch(/^is 0, a version of the lesson format/);
  });
});

describe('describeLessonFileProblem', () => {
  it('writes a problem as one line a teacher can act on', () => {
    expect(
      describeLessonFileProblem({ path: 'sections[0].summary', line: 14, message: 'is missing' }),
    ).toBe('Line 14, Section 1, summary (sections[0].summary): is missing');
    expect(describeLessonFileProblem({ path: '', line: 3, message: 'is not valid JSON' })).toBe(
      'Line 3, the file: is not valid JSON',
    );
    expect(describeLessonFileProblem({ path: 'format', line: null, message: 'is missing' })).toBe(
      'File format (format): is missing',
    );
    expect(describeLessonFileProblem({ path: '', line: null, message: 'is 2 MB' })).toBe(
      'The file is 2 MB',
    );
  });
});

describe('hostile and careless files', () => {
  /** The shipped lesson as a file, after `change`, written without the export's own checks. */
  function fileOf(change: (lesson: Lesson) => void): string {
    const lesson = structuredClone<Lesson>(soleimaniLesson);
    change(lesson);
    return JSON.stringify({ format: LESSON_FILE_FORMAT, ...lesson }, null, 2);
  }

  function refusal(text: string) {
    const result = importLessonFile(text);
    if (result.ok) throw new Error('expected the file to be refused');
    return result;
  }

  it(`lists the first ${MAX_REPORTED_PROBLEMS} problems and counts the rest`, () => {
    const empty = new Array<string>(2000).fill('{}').join(',\n');
    const text = `{"format":"${LESSON_FILE_FORMAT}","schemaVersion":4,"sections":[\n${empty}]}`;
    const { problems, moreProblems } = refusal(text);
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(problems[0]).toMatchObject({ path: 'id', line: 1 });
    expect(problems.at(-1)?.path).toMatch(/^sections\[\d+\]/);
    // Seven missing fields in each of the 2,000 sections, and the lesson's three.
    expect(problems.length + moreProblems).toBe(2000 * 7 + 3);
  });

  it('says nothing more when every problem is listed', () => {
    expect(refusal(fileOf((lesson) => (lesson.id = 'Bad Id'))).moreProblems).toBe(0);
  });

  it.each([
    ['a NUL', '\u0000', 'contains a NUL character (U+0000)'],
    ['a BEL', '\u0007', 'contains the control character U+0007'],
    ['a DEL', '\u007F', 'contains the control character U+007F'],
    ['a C1 control', '\u0085', 'contains the control character U+0085'],
  ])('refuses %s in a lesson title, at its field and line', (_name, character, message) => {
    const text = fileOf((lesson) => (lesson.metadata.title = `A title${character}`));
    expect(refusal(text).problems).toStrictEqual([
      { path: 'metadata.title', line: lineWith(text, '"title": "A title'), message },
    ]);
  });

  it('refuses a text made of invisible characters only', () => {
    const text = fileOf((lesson) => (lesson.sections[0]!.summary = '\u200B'));
    expect(refusal(text).problems).toStrictEqual([
      {
        path: 'sections[0].summary',
        line: lineWith(text, '"summary": "\u200B"'),
        message: 'must not be empty: it has only invisible characters',
      },
    ]);
    // Invisible characters inside visible text are the writer's business.
    expect(
      imported(fileOf((lesson) => (lesson.sections[0]!.summary = 'co\u00ADoperate'))),
    ).toBeDefined();
  });

  it.each([
    ['options', 'poll'],
    ['scenarios', 'forecast'],
    ['claims', 'claimCheck'],
    ['rubric', 'writing'],
  ] as const)(
    'refuses two %s of one %s item with the same id, naming the second',
    (field, kind) => {
      let at = '';
      const text = fileOf((lesson) => {
        lesson.sections.forEach((section, s) => {
          section.items.forEach((item, i) => {
            if (at !== '' || item.kind !== kind) return;
            const entries = (item as unknown as Record<string, { id: string }[]>)[field]!;
            entries.push({ ...entries[0]! });
            at = `sections[${s}].items[${i}].${field}[${entries.length - 1}].id`;
          });
        });
      });
      const problems = refusal(text).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe(at);
      expect(problems[0]?.message).toMatch(/^duplicate id ".+" \(already used at .+\.0\.id\)$/);
    },
  );

  it('lets two items use the same option ids', () => {
    const text = fileOf((lesson) => {
      for (const item of lesson.sections.flatMap((section) => section.items)) {
        if (item.kind === 'poll') item.options.forEach((option, o) => (option.id = `option-${o}`));
      }
    });
    expect(imported(text)).toBeDefined();
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import {
  CURRENT_LESSON_FILE_VERSION,
  describeLessonFileProblem,
  exportLessonFile,
  importLessonFile,
  LESSON_FILE_FORMAT,
} from './lesson-file';
import { LESSON_MIGRATIONS, type LessonMigration } from './lesson-migrations';
import type { Lesson } from './lesson-schema';
import { imported, lineWith, problemsOf } from './lesson-file-test-helpers';

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
      file.startsWith(`{\n  "format": "${LESSON_FILE_FORMAT}",\n  "schemaVersion": 7,\n`),
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
    expect(CURRENT_LESSON_FILE_VERSION).toBe(7);
    expect(imported(exampleText).schemaVersion).toBe(CURRENT_LESSON_FILE_VERSION);
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
    expect(lesson.schemaVersion).toBe(7);
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

  it('brings the version 1 file to today without written minutes, in English', () => {
    const lesson = imported(shippedV1Text);
    expect(lesson.metadata).not.toHaveProperty('estimatedMinutes');
    expect(lesson.metadata.language).toBe('en');
    expect(lesson.sections.every((section) => !('minutes' in section))).toBe(true);
    // Its classroom minutes no longer matter: today's lesson computes its own.
    const noMinutes = shippedV1Text.replace('"classroom": 45', '"classroom": 0');
    expect(imported(noMinutes)).toStrictEqual(lesson);
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

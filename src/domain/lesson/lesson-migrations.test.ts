import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeKnownVersions,
  knownLessonVersions,
  LESSON_MIGRATIONS,
  migrateLesson,
  type LessonMigration,
} from './lesson-migrations';
import { LESSON_SCHEMA_VERSION, lessonSchema } from './lesson-schema';

/**
 * A made-up history for the runner:
 * version 2 renamed `name` to `title`, version 3 added `tags`.
 */
const steps: LessonMigration[] = [
  {
    from: 1,
    to: 2,
    migrate: ({ name, ...rest }) => ({ ...rest, title: name }),
  },
  {
    from: 2,
    to: 3,
    migrate: (lesson) => ({ ...lesson, tags: [`was ${String(lesson.title)}`] }),
  },
];

describe('the migration runner', () => {
  it('applies every step from the file’s version to the current one, in order', () => {
    const migrated = migrateLesson({ schemaVersion: 1, name: 'Old', id: 'x' }, 1, steps, 3);
    expect(migrated).toStrictEqual({ schemaVersion: 3, id: 'x', title: 'Old', tags: ['was Old'] });
  });

  it('starts from the step of the file’s own version', () => {
    const migrated = migrateLesson({ schemaVersion: 2, title: 'Mid' }, 2, steps, 3);
    expect(migrated).toStrictEqual({ schemaVersion: 3, title: 'Mid', tags: ['was Mid'] });
  });

  it('leaves a lesson of the current version as it is, and never changes its input', () => {
    const input = Object.freeze({ schemaVersion: 1, name: 'Old' });
    expect(migrateLesson({ schemaVersion: 3, title: 'New' }, 3, steps, 3)).toStrictEqual({
      schemaVersion: 3,
      title: 'New',
    });
    migrateLesson(input, 1, steps, 3);
    expect(input).toStrictEqual({ schemaVersion: 1, name: 'Old' });
  });

  it('sets each step’s version, so a step need not', () => {
    const seen: unknown[] = [];
    const spying = steps.map((step) => ({
      ...step,
      migrate: (lesson: Readonly<Record<string, unknown>>) => {
        seen.push(lesson.schemaVersion);
        return step.migrate(lesson);
      },
    }));
    migrateLesson({ schemaVersion: 1, name: 'Old' }, 1, spying, 3);
    expect(seen).toStrictEqual([1, 2]);
  });

  it.each([0, 4, 99, 1.5, Number.NaN])('refuses version %s, naming the versions it knows', (v) => {
    expect(() => migrateLesson({ schemaVersion: v }, v, steps, 3)).toThrow(
      /is not one this app knows \(it knows versions 1 to 3\)/,
    );
  });

  it('refuses a list of steps that is not one unbroken chain', () => {
    const [first, second] = steps as [LessonMigration, LessonMigration];
    expect(() => knownLessonVersions([second, first], 3)).toThrow(/expected 1 to 2/);
    expect(() => knownLessonVersions([first, { ...second, to: 4 }], 3)).toThrow(/expected 2 to 3/);
    expect(() => knownLessonVersions(steps, 4)).toThrow(/expected 2 to 3/);
  });

  it('describes the known versions as a teacher reads them', () => {
    expect(describeKnownVersions(knownLessonVersions(steps, 3))).toBe('versions 1 to 3');
    expect(describeKnownVersions({ oldest: 1, current: 1 })).toBe('version 1');
  });
});

/** The shipped lesson as an earlier version of the format wrote it (fixtures/). */
const fixture = (version: number): Record<string, unknown> =>
  JSON.parse(
    readFileSync(
      new URL(`./fixtures/soleimani-2020.v${version}.lesson.json`, import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown>;

describe('the real migrations', () => {
  it('form one chain from version 1 to the lesson schema’s version', () => {
    expect(knownLessonVersions(LESSON_MIGRATIONS, LESSON_SCHEMA_VERSION)).toStrictEqual({
      oldest: 1,
      current: 7,
    });
  });

  it('bring the shipped lesson’s version 1 file to a valid lesson: the version 2 shipped one', () => {
    const v1 = JSON.parse(
      readFileSync(new URL('./fixtures/soleimani-2020.v1.lesson.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown> & { metadata: { estimatedMinutes: { classroom: number } } };
    const result = lessonSchema.safeParse(migrateLesson(v1, 1));
    expect(result.error).toBeUndefined();
    const lesson = result.data;
    expect(lesson?.schemaVersion).toBe(7);
    // Up to version 5 the sections shared the version 1 lesson's 45 classroom minutes.
    const v5 = migrateLesson(v1, 1, LESSON_MIGRATIONS.slice(0, 4), 5) as {
      sections: { minutes: { core: number } }[];
    };
    const cores = v5.sections.map((section) => section.minutes.core);
    expect(cores.reduce((sum, core) => sum + core, 0)).toBe(45);
    expect(v1.metadata.estimatedMinutes.classroom).toBe(45);
    const v2 = JSON.parse(
      readFileSync(new URL('./fixtures/soleimani-2020.v2.lesson.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(lesson).toStrictEqual(lessonSchema.parse(migrateLesson(v2, 2)));
  });

  it.each([3, 4])(
    'carry the shipped lesson’s version %i file to version 5 unchanged but for its version',
    (version) => {
      const file = fixture(version);
      const toV5 = LESSON_MIGRATIONS.slice(version - 1, 4);
      const migrated = migrateLesson(file, version, toV5, 5);
      expect(migrated).toStrictEqual({ ...file, schemaVersion: 5 });
      expect(lessonSchema.safeParse(migrateLesson(file, version)).error).toBeUndefined();
    },
  );

  it('bring the shipped lesson’s version 5 file to version 6: in English, minutes computed', () => {
    const v5 = fixture(5) as { metadata: object; sections: Record<string, unknown>[] };
    const toV6 = LESSON_MIGRATIONS.slice(0, 5);
    const migrated = migrateLesson(v5, 5, toV6, 6);
    expect(migrated).toStrictEqual({
      ...v5,
      schemaVersion: 6,
      metadata: { ...v5.metadata, language: 'en' },
      sections: v5.sections.map(({ minutes: _written, ...section }) => section),
    });
    const lesson = lessonSchema.parse(migrateLesson(v5, 5));
    // The version 6 file kept beside it is the same lesson in shape: its sections, items and
    // article text. Its wording and which items are core were revised after (issue 23).
    const v6 = lessonSchema.parse(migrateLesson(fixture(6), 6));
    const shape = (l: typeof lesson) =>
      l.sections.map((s) => ({
        id: s.id,
        paragraphs: s.paragraphs,
        items: s.items.map((item) => `${item.kind}:${item.id}`),
      }));
    expect(shape(v6)).toStrictEqual(shape(lesson));
    expect(v6.metadata).toStrictEqual(lesson.metadata);
    expect(v6.glossary.map((term) => term.matches)).toStrictEqual(
      lesson.glossary.map((term) => term.matches),
    );
  });

  it('carry the shipped lesson’s version 6 file to version 7 unchanged but for its version', () => {
    const v6 = fixture(6);
    const migrated = migrateLesson(v6, 6);
    expect(migrated).toStrictEqual({ ...v6, schemaVersion: 7 });
    expect(lessonSchema.safeParse(migrated).error).toBeUndefined();
    // Version 6 had no levels: every criterion is still scored by points.
    const criteria = lessonSchema
      .parse(migrated)
      .sections.flatMap((s) => s.items)
      .flatMap((item) => (item.kind === 'writing' ? item.rubric : []));
    expect(criteria.length).toBeGreaterThan(0);
    expect(criteria.filter((c) => c.levels !== undefined)).toStrictEqual([]);
  });
});

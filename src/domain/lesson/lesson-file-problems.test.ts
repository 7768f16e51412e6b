import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { soleimaniLesson } from './builtin/soleimani-lesson';
import {
  importLessonFile,
  LESSON_FILE_FORMAT,
  LESSON_FILE_MAX_BYTES,
  MAX_REPORTED_PROBLEMS,
} from './lesson-file';
import type { Lesson } from './lesson-schema';
import { imported, lineWith, problemsOf } from './lesson-file-test-helpers';

const EXAMPLE_URL = new URL('../../../docs/examples/small-lesson.json', import.meta.url);
const exampleText = readFileSync(EXAMPLE_URL, 'utf8');

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

  it('checks version 2’s fields: extension items, the permission note', () => {
    const broken = exampleText
      .replace('"extension": true', '"extension": "yes"')
      .replace('"permission": "Written', '"permission": " ", "x": "Written');
    expect(problemsOf(broken)).toStrictEqual([
      {
        path: 'metadata.source.permission',
        line: lineWith(broken, '"permission"'),
        message: 'must not be empty',
      },
      {
        path: 'sections[1].items[2].extension',
        line: lineWith(broken, '"extension": "yes"'),
        message: 'should be true or false, not a text',
      },
    ]);
  });

  it('checks version 6’s fields: the language, a prompt’s searches, one-line drafted notes', () => {
    const broken = exampleText
      .replace('"language": "en"', '"language": "English"')
      .replace('"minWords": 15', '"minWords": 15, "searches": 11')
      .replace('"id": "what-next-fair"', '"id": "what-next-fair", "drafted": "Two\\nlines"');
    expect(problemsOf(broken)).toStrictEqual([
      {
        path: 'metadata.language',
        line: lineWith(broken, '"language"'),
        message:
          'must be a BCP 47 language tag: a language code of 2 or 3 lowercase letters, then optionally a region, e.g. "en", "es" or "fr-CA"',
      },
      {
        path: 'sections[0].items[0].guidance.searches',
        line: lineWith(broken, '"searches"'),
        message: 'must be at most 10',
      },
      {
        path: 'sections[1].items[1].drafted',
        line: lineWith(broken, '"drafted"'),
        message: 'must be one line, without line breaks',
      },
      {
        path: 'sections[1].items[1].drafted',
        line: lineWith(broken, '"drafted"'),
        message: 'is drafted and not yet reviewed: edit it or accept it.',
      },
    ]);
    const noLanguage = exampleText.replace(/\s*"language": "en",/, '');
    expect(problemsOf(noLanguage)).toStrictEqual([
      {
        path: 'metadata.language',
        line: lineWith(noLanguage, '"metadata"'),
        message: 'is missing: it should be a text',
      },
    ]);
  });

  it('refuses every drafted part not yet reviewed, at its drafted field, beside other problems', () => {
    const mark = (after: string) => `${after}, "drafted": "A note"`;
    const broken = exampleText
      .replace('"metadata": {', '"metadata": { "drafted": "From the article",')
      .replace('"id": "decision"', mark('"id": "decision"'))
      .replace('"id": "vote"', mark('"id": "vote"'))
      .replace('"id": "van-returns"', mark('"id": "van-returns"'))
      .replace('"id": "mobile-library"', mark('"id": "mobile-library"'))
      .replace('"level": "recall"', '"level": "remember"');
    const problems = problemsOf(broken);
    expect(problems.map(({ path, message }) => `${path}: ${message}`)).toStrictEqual([
      'sections[0].items[0].level: must be one of "recall", "analysis", "evaluation"',
      'metadata.drafted: is drafted and not yet reviewed: edit it or accept it.',
      'sections[0].drafted: is drafted and not yet reviewed: edit it or accept it.',
      'sections[0].items[2].claims[0].drafted: is drafted and not yet reviewed: edit it or accept it.',
      'sections[1].items[3].scenarios[0].drafted: is drafted and not yet reviewed: edit it or accept it.',
      'glossary[0].drafted: is drafted and not yet reviewed: edit it or accept it.',
    ]);
    expect(problems[1]?.line).toBe(lineWith(broken, '"drafted": "From the article"'));
  });

  it('accepts a section without teacher notes, and ignores the section minutes it computes', () => {
    const text = exampleText
      .replace(/"teacherNotes": \[[^\]]*\]/, '"teacherNotes": []')
      .replace('"id": "decision",', '"id": "decision", "minutes": { "core": 9, "extension": 0 },');
    const lesson = imported(text);
    expect(lesson.sections[0]?.teacherNotes).toStrictEqual([]);
    expect(lesson.sections[0]).not.toHaveProperty('minutes');
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
    [0, 'is 0, a version of the lesson format this app does not read (it reads versions 1 to 7)'],
    [
      99,
      'is 99, a version of the lesson format this app does not read (it reads versions 1 to 7): the file may come from a newer version of the app',
    ],
  ])('refuses schemaVersion %i, naming the versions it reads', (version, message) => {
    const text = exampleText.replace('"schemaVersion": 7', `"schemaVersion": ${version}`);
    expect(problemsOf(text)).toStrictEqual([{ path: 'schemaVersion', line: 3, message }]);
  });

  it('refuses a file without a version, or with one that is not a whole number', () => {
    const missing = exampleText.replace('"schemaVersion": 7,\n', '');
    expect(problemsOf(missing)).toStrictEqual([
      {
        path: 'schemaVersion',
        line: 1,
        message:
          'is missing: it says which version of the lesson format the file uses (this app reads versions 1 to 7)',
      },
    ]);
    const text = exampleText.replace('"schemaVersion": 7', '"schemaVersion": "3"');
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
    // Six missing fields in each of the 2,000 sections, and the lesson's three.
    expect(problems.length + moreProblems).toBe(2000 * 6 + 3);
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

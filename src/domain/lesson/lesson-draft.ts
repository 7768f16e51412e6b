import { boundProblems, importLessonFile, LESSON_FILE_FORMAT } from './lesson-file';
import { formatFieldPath } from './json-positions';
import { LESSON_SCHEMA_VERSION, type Lesson } from './lesson-schema';

/** A problem of a draft, at a field path (`sections[0].title`); "" for the draft as a whole. */
export interface DraftProblem {
  readonly path: string;
  readonly message: string;
}

export type DraftCheck =
  | { readonly ok: true; readonly lesson: Lesson }
  | {
      readonly ok: false;
      /** The first MAX_REPORTED_PROBLEMS (lesson-file.ts) problems. */
      readonly problems: readonly DraftProblem[];
      /** How many problems there are beyond those listed. */
      readonly moreProblems: number;
    };

/**
 * What stops a draft from being published: every problem the lesson schema finds, then the
 * article checks a schema cannot make (a claim's quote and a glossary term must be in the text).
 * A draft is checked as a file would be, so it is held to exactly the rules an import is.
 */
export function checkLessonDraft(draft: unknown): DraftCheck {
  if (typeof draft !== 'object' || draft === null || Array.isArray(draft)) {
    return {
      ok: false,
      problems: [{ path: '', message: 'The lesson is empty.' }],
      moreProblems: 0,
    };
  }
  const imported = importLessonFile(
    // A draft is written at today's version unless it says otherwise.
    JSON.stringify({
      schemaVersion: LESSON_SCHEMA_VERSION,
      ...(draft as Record<string, unknown>),
      format: LESSON_FILE_FORMAT,
    }),
  );
  if (!imported.ok) {
    return {
      ok: false,
      problems: imported.problems.map(({ path, message }) => ({ path, message })),
      moreProblems: imported.moreProblems,
    };
  }
  const problems = articleProblems(imported.lesson);
  return problems.length > 0
    ? { ok: false, ...boundProblems(problems, (problem) => problem) }
    : imported;
}

/** Quotes and glossary terms that the article's text does not contain, word for word. */
export function articleProblems(lesson: Lesson): DraftProblem[] {
  const text = lesson.sections
    .flatMap((section) => section.paragraphs.map((p) => p.text))
    .join('\n')
    .toLowerCase();
  const problems: DraftProblem[] = [];
  lesson.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      if (item.kind !== 'claimCheck') return;
      item.claims.forEach((claim, c) => {
        if (!text.includes(claim.quote.toLowerCase())) {
          problems.push({
            path: formatFieldPath(['sections', s, 'items', i, 'claims', c, 'quote']),
            message: 'is not in the article: quote its words exactly.',
          });
        }
      });
    });
  });
  lesson.glossary.forEach((term, g) => {
    term.matches.forEach((match, m) => {
      if (!text.includes(match.toLowerCase())) {
        problems.push({
          path: formatFieldPath(['glossary', g, 'matches', m]),
          message: `"${match}" is not in the article: a glossary term must be a word of the text.`,
        });
      }
    });
  });
  return problems;
}

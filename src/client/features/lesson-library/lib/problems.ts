import { DRAFTED_MESSAGE, findDraftedMarks } from '#domain/lesson/drafted-marks';
import { fieldInWords, parseFieldPath } from '#domain/lesson/field-words';
import { formatFieldPath } from '#domain/lesson/json-positions';
import { articleProblems } from '#domain/lesson/lesson-draft';
import { teacherMessage } from '#domain/lesson/lesson-file-messages';
import { lessonSchema } from '#domain/lesson/lesson-schema';
import { type DraftItem, type DraftLesson } from './draft-lesson';
import { toLessonJson } from './lesson-json';

/**
 * What stops a draft from being published, each at the field it is about: the lesson schema's
 * problems (the same the server finds on publishing), and what only the text can tell (a claim
 * quoted word for word, a glossary term found in the article). Each problem is shown beside the
 * editor's field for its path, or the nearest field holding it, and in the list at the top.
 * The rules are the server's (src/domain/lesson/lesson-draft.ts), so what the editor lists is
 * what a publish would refuse.
 */

export interface EditorProblem {
  /** The field's path as the lesson file names it: `sections[0].items[1].question`, "" for the lesson. */
  readonly path: string;
  readonly message: string;
}

/**
 * The article checks of the server's (articleProblems in lesson-draft.ts, the same rules:
 * case aside, word for word, anywhere in the article), made at once: the server makes them only
 * once the schema is satisfied, while the teacher wants to know as they type.
 */
export function checkAgainstText(draft: DraftLesson): EditorProblem[] {
  const article = draft.sections
    .flatMap((section) => section.paragraphs.map((p) => p.text))
    .join('\n')
    .toLowerCase();
  const isInArticle = (words: string) => article.includes(words.toLowerCase());
  const problems: EditorProblem[] = [];
  draft.sections.forEach((section, s) => {
    section.items.forEach((item, i) => {
      if (item.kind !== 'claimCheck') return;
      item.claims.forEach((claim, c) => {
        if (claim.quote.trim() === '' || isInArticle(claim.quote)) return;
        problems.push({
          path: `sections[${s}].items[${i}].claims[${c}].quote`,
          message: 'is not in the article: quote its words exactly.',
        });
      });
    });
  });
  draft.glossary.forEach((term, g) => {
    const forms = term.matches.filter((m) => m.trim() !== '');
    const written = forms.length > 0 ? forms : [term.term];
    written.forEach((form, m) => {
      if (form.trim() === '' || isInArticle(form)) return;
      problems.push({
        path: `glossary[${g}].matches[${m}]`,
        message: `"${form}" is not in the article: a glossary term must be a word of the text.`,
      });
    });
  });
  return problems;
}

/**
 * A term given without its forms is found by the term itself: a problem with the forms the
 * lesson writes for it is the term's.
 */
function termPath(draft: DraftLesson, path: string): string {
  const match = /^glossary\[(\d+)\]\.matches(\[\d+\])?$/.exec(path);
  if (!match) return path;
  const term = draft.glossary[Number(match[1])];
  const hasForms = term?.matches.some((m) => m.trim() !== '') ?? false;
  return hasForms ? path : `glossary[${match[1]}].term`;
}

/**
 * Every problem that stops the draft from being published: the server's own rules
 * (checkLessonDraft: the schema, in the words of teacherMessage, then the article), and the
 * article's problems at once. The schema is run directly rather than through the file reader the
 * server uses: the editor's draft is always of today's version, and this runs at each keystroke.
 */
export function checkDraft(draft: DraftLesson): EditorProblem[] {
  const json = toLessonJson(draft);
  const result = lessonSchema.safeParse(json, { error: teacherMessage });
  // The parts still drafted, as the server lists them beside the schema's problems.
  const drafted = findDraftedMarks(json).map((path) => ({
    path: formatFieldPath(path),
    message: DRAFTED_MESSAGE,
  }));
  const found =
    result.success && drafted.length === 0
      ? articleProblems(result.data)
      : [
          ...(result.success
            ? []
            : result.error.issues.map((issue) => ({
                path: formatFieldPath(issue.path),
                message: issue.message,
              }))),
          ...drafted,
        ];
  const early = checkAgainstText(draft).filter(
    (problem) => !found.some((p) => p.path === problem.path),
  );
  return [...found, ...early].map((problem) => ({
    path: termPath(draft, problem.path),
    message: problem.message,
  }));
}

/** The list `key` and each of its entries' `fields`: `claims`, `claims[0].quote`… */
function listFieldNames(
  key: string,
  list: readonly unknown[],
  fields: readonly string[],
): string[] {
  return [key, ...list.flatMap((_, index) => fields.map((field) => `${key}[${index}].${field}`))];
}

function itemFieldNames(item: DraftItem): string[] {
  switch (item.kind) {
    case 'prompt':
      return ['question', 'level', 'guidance.minWords', 'guidance.hint', 'guidance.searches'];
    case 'poll':
      return [
        'question',
        'mode',
        ...listFieldNames('options', item.options, ['label']),
        'afterAnswer',
      ];
    case 'scale':
      return ['statement'];
    case 'forecast':
      return [
        'question',
        'asOf',
        'horizon',
        ...listFieldNames('scenarios', item.scenarios, [
          'drafted',
          'statement',
          'lessonReading',
          'lessonReading.probability',
          'lessonReading.reason',
          'resolution',
          'resolution.happened',
          'resolution.date',
          'resolution.text',
        ]),
      ];
    case 'claimCheck':
      return [
        'instructions',
        ...listFieldNames('claims', item.claims, ['drafted', 'quote', 'expected', 'explanation']),
      ];
    case 'writing':
      return [
        'task',
        'minWords',
        ...listFieldNames('rubric', item.rubric, ['criterion', 'points', 'levels']),
        'modelAnswer',
      ];
    case 'statements':
      return [
        'question',
        ...listFieldNames('seedStatements', item.seedStatements, ['text']),
        'requireApproval',
      ];
  }
}

/** The paths of every field the editor shows for this draft ("" is the lesson as a whole). */
export function editorFieldPaths(draft: DraftLesson): Set<string> {
  const paths = new Set<string>([
    '',
    'metadata.drafted',
    'metadata.title',
    'metadata.subtitle',
    'metadata.language',
    'metadata.source.publication',
    'metadata.source.headline',
    'metadata.source.published',
    'metadata.source.authorDescription',
    'metadata.source.url',
    'metadata.source.permission',
    'sections',
    'glossary',
  ]);
  draft.sections.forEach((section, s) => {
    const at = `sections[${s}]`;
    for (const name of ['', '.drafted', '.title', '.paragraphs']) {
      paths.add(`${at}${name}`);
    }
    for (const name of ['.items', '.summary', '.teacherNotes']) paths.add(`${at}${name}`);
    section.items.forEach((item, i) => {
      paths.add(`${at}.items[${i}]`);
      paths.add(`${at}.items[${i}].drafted`);
      for (const name of itemFieldNames(item)) paths.add(`${at}.items[${i}].${name}`);
    });
  });
  draft.glossary.forEach((_, g) => {
    for (const name of ['', '.drafted', '.term', '.matches', '.definition']) {
      paths.add(`glossary[${g}]${name}`);
    }
  });
  return paths;
}

/** The field a problem is shown beside: its own, or the nearest one that holds it. */
export function fieldForProblem(path: string, fields: ReadonlySet<string>): string {
  const parts = parseFieldPath(path);
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = formatFieldPath(parts.slice(0, length));
    if (fields.has(candidate)) return candidate;
  }
  return '';
}

/** The problems by the field they are shown beside, in the order found. */
export function problemsByField(
  problems: readonly EditorProblem[],
  fields: ReadonlySet<string>,
): Map<string, EditorProblem[]> {
  const byField = new Map<string, EditorProblem[]>();
  for (const problem of problems) {
    const field = fieldForProblem(problem.path, fields);
    const list = byField.get(field) ?? [];
    if (!list.some((p) => p.message === problem.message && p.path === problem.path)) {
      list.push(problem);
    }
    byField.set(field, list);
  }
  return byField;
}

/** The element id of a field: `sections[0].summary` → `field-sections-0-summary`. */
export function fieldDomId(path: string): string {
  const slug = path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'field-lesson' : `field-${slug}`;
}

/** A field path in words: `sections[1].items[0].question` → "Section 2, item 1, question". */
export function describeFieldPath(path: string): string {
  return fieldInWords(parseFieldPath(path));
}

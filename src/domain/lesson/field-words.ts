/**
 * A lesson's field paths in the words of the editor a teacher fills in, not the file's:
 * `sections[2].items[0].scenarios[0].resolution` → "Section 3, item 1, scenario 1, resolution".
 * Problems found on publishing and on importing are named this way. Every field of the lesson
 * schema has its words here (a unit test walks the schema to keep it so).
 */

/** `sections[0].items[1].question` → ['sections', 0, 'items', 1, 'question'] (as formatFieldPath writes it). */
export function parseFieldPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) parts.push(match[1]);
    else if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[3] !== undefined) parts.push(JSON.parse(`"${match[3]}"`) as string);
  }
  return parts;
}

/** A field's words; "" for a group the teacher never sees as one (`metadata`, `guidance`). */
export const FIELD_WORDS: Readonly<Record<string, string>> = {
  format: 'file format',
  schemaVersion: 'format version',
  id: 'id',
  kind: 'kind',
  extension: 'extension',
  metadata: '',
  sections: 'sections',
  source: '',
  title: 'title',
  subtitle: 'subtitle',
  language: 'language',
  // A drafted mark is named by its part: "Section 1, item 2: is drafted and not yet reviewed".
  drafted: '',
  publication: 'publication',
  headline: 'headline',
  published: 'date published',
  authorDescription: 'author',
  url: 'link',
  permission: 'permission note',
  paragraphs: 'paragraphs',
  role: 'role',
  items: 'items',
  summary: 'summary',
  teacherNotes: 'teacher notes',
  question: 'question',
  level: 'level',
  guidance: '',
  minWords: 'minimum words',
  hint: 'hint',
  searches: 'searches',
  mode: 'single or multiple choice',
  options: 'options',
  label: 'text',
  afterAnswer: 'explanation after answering',
  statement: 'statement',
  asOf: 'as-of date',
  horizon: 'horizon date',
  scenarios: 'scenarios',
  lessonReading: 'lesson’s reading',
  probability: 'probability',
  reason: 'reason',
  resolution: 'resolution',
  happened: 'did it happen',
  date: 'date',
  text: 'text',
  instructions: 'instructions',
  claims: 'claims',
  quote: 'quote',
  expected: 'what the claim is',
  explanation: 'why',
  task: 'task',
  rubric: 'rubric',
  criterion: 'criterion',
  points: 'points',
  levels: 'levels',
  modelAnswer: 'model answer',
  seedStatements: 'your statements',
  requireApproval: 'approval of students’ statements',
  glossary: 'glossary',
  term: 'term',
  matches: 'forms in the text',
  definition: 'definition',
};

/** The words for one entry of a list: `sections[2]` → "Section 3". */
export const INDEXED_WORDS: Readonly<Record<string, string>> = {
  sections: 'Section',
  paragraphs: 'paragraph',
  items: 'item',
  options: 'option',
  scenarios: 'scenario',
  claims: 'claim',
  rubric: 'criterion',
  levels: 'level',
  seedStatements: 'statement',
  teacherNotes: 'teacher note',
  glossary: 'Glossary term',
  matches: 'form',
};

/**
 * A field path in words: ['sections', 1, 'items', 0, 'question'] → "Section 2, item 1, question";
 * the empty path is "The lesson", `metadata.source` "The article’s source". A name this list does not know (a field the app does not read)
 * is given as written.
 */
export function fieldInWords(path: readonly PropertyKey[]): string {
  const parts = path.map((part) => (typeof part === 'number' ? part : String(part)));
  const words: string[] = [];
  parts.forEach((part, index) => {
    const next = parts[index + 1];
    if (typeof part === 'number') {
      // A list entry whose list is not named (never so in a lesson): its number alone.
      if (index === 0) words.push(`entry ${part + 1}`);
      return;
    }
    if (typeof next === 'number') {
      words.push(`${INDEXED_WORDS[part] ?? part} ${next + 1}`);
      return;
    }
    const word = FIELD_WORDS[part] ?? part;
    if (word === '') return;
    const isLessonField = parts[0] === 'metadata';
    words.push(isLessonField && words.length === 0 ? `Lesson ${word}` : word);
  });
  const described = words.join(', ');
  // The source's fields sit beside the lesson's in the editor; the group as a whole is the
  // article's source.
  if (described === '') {
    if (parts.at(-1) === 'source') return 'The article’s source';
    return parts[0] === 'metadata' && parts.length > 1 ? 'The lesson’s details' : 'The lesson';
  }
  return described.charAt(0).toUpperCase() + described.slice(1);
}

import { readingLevel, type ReadingLevel } from '#domain/lesson/reading-level';
import type { LessonChecker } from './lesson-checker';

/**
 * The reading level of a lesson's article, computed here rather than in the editor: the
 * `syllable` package behind it would add its CommonJS runtime to every page's first download
 * (issue 22: the student's first load grows by 0 bytes).
 */

/**
 * The longest text read on the event loop, about 2,000 words: a few milliseconds (10 to 20 for
 * words all different). A longer one, up to a 1 MB draft (a tenth of a second, near a second for
 * words all different), goes to the checker's worker thread: drafts are saved up to four times a
 * second.
 */
export const READ_HERE_MAX_CHARS = 12_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The article's paragraphs of any lesson-shaped JSON, in order: the `text` strings of
 * `sections[].paragraphs[]`. A draft need not be a valid lesson, so anything else is skipped.
 */
function articleParagraphs(lesson: unknown): string[] {
  if (!isRecord(lesson) || !Array.isArray(lesson.sections)) return [];
  const texts: string[] = [];
  for (const section of lesson.sections) {
    if (!isRecord(section) || !Array.isArray(section.paragraphs)) continue;
    for (const paragraph of section.paragraphs) {
      if (isRecord(paragraph) && typeof paragraph.text === 'string') texts.push(paragraph.text);
    }
  }
  return texts;
}

/**
 * The Flesch-Kincaid level of a lesson's article (its paragraphs one per line), or null when it
 * has no words. A long article is read by `checker`'s worker thread.
 */
export async function articleReadingLevel(
  lesson: unknown,
  checker: Pick<LessonChecker, 'readingLevel'>,
): Promise<ReadingLevel | null> {
  const text = articleParagraphs(lesson).join('\n');
  const level =
    text.length <= READ_HERE_MAX_CHARS ? readingLevel(text) : await checker.readingLevel(text);
  return level.words === 0 ? null : level;
}

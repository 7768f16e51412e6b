import { randomBytes } from 'node:crypto';
import { LESSON_FILE_MAX_BYTES } from '#domain/lesson/lesson-file';
import { LESSON_DRAFT_MAX_BYTES, type LessonProblem } from '#domain/api/lesson-library-contracts';
import type { ApiErrorBody } from '#domain/api/errors';
import { ApiError } from '../lib/api-error';
import { LessonCheckTimeoutError } from './lesson-checker';

/** A refused publish or import: 422 with every problem at its field (and line, for a file). */
export class LessonProblemsError extends ApiError {
  constructor(
    what: string,
    readonly problems: readonly LessonProblem[],
    /** How many problems there are beyond those listed (lesson-file.ts MAX_REPORTED_PROBLEMS). */
    readonly moreProblems: number,
  ) {
    const total = problems.length + moreProblems;
    super(
      422,
      'lesson_invalid',
      `${what}: ${total} ${total === 1 ? 'problem' : 'problems'} to fix.`,
    );
  }

  override toBody(): ApiErrorBody {
    const { error } = super.toBody();
    return { error: { ...error, problems: this.problems, moreProblems: this.moreProblems } };
  }
}

/** A check that ran out of time, as the refusal of what was checked. */
export function refuseOutOfTime(what: string, error: unknown): never {
  if (!(error instanceof LessonCheckTimeoutError)) throw error;
  throw new LessonProblemsError(what, [{ path: '', line: null, message: error.message }], 0);
}

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** Refuses a draft larger than a lesson may be (413). */
export function checkDraftSize(draft: unknown): void {
  // JSON.stringify(undefined) is undefined: a missing draft is an empty one.
  const size = draft === undefined ? 0 : utf8Length(JSON.stringify(draft));
  if (size > LESSON_DRAFT_MAX_BYTES) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The lesson is ${Math.ceil(size / 1024)} KB: a lesson can be at most ${LESSON_DRAFT_MAX_BYTES / 1024} KB.`,
      'draft',
    );
  }
}

/** Refuses a lesson file larger than an import takes (413). */
export function checkFileSize(file: string): void {
  const size = file.length > LESSON_FILE_MAX_BYTES ? file.length : utf8Length(file);
  if (size > LESSON_FILE_MAX_BYTES) {
    throw new ApiError(
      413,
      'payload_too_large',
      `The file is ${Math.ceil(size / 1024)} KB: a lesson file can be at most ${LESSON_FILE_MAX_BYTES / 1024} KB.`,
      'file',
    );
  }
}

/** The library's title for a draft: its metadata's title when it has one. */
export function draftTitle(draft: unknown): string | null {
  if (typeof draft !== 'object' || draft === null) return null;
  const metadata = (draft as { metadata?: unknown }).metadata;
  if (typeof metadata !== 'object' || metadata === null) return null;
  const title = (metadata as { title?: unknown }).title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim().slice(0, 200) : null;
}

export function draftSectionCount(draft: unknown): number {
  if (typeof draft !== 'object' || draft === null) return 0;
  const sections = (draft as { sections?: unknown }).sections;
  return Array.isArray(sections) ? sections.length : 0;
}

/** A copy of a lesson as a new draft: the title says it is a copy and the id is its own. */
export function copyOf(source: unknown): unknown {
  if (typeof source !== 'object' || source === null) return source;
  const lesson = structuredClone(source) as Record<string, unknown>;
  const id = typeof lesson.id === 'string' ? lesson.id : 'lesson';
  const suffix = `-copy-${randomBytes(3).toString('hex')}`;
  lesson.id = `${id.slice(0, 64 - suffix.length)}${suffix}`;
  const metadata = lesson.metadata;
  if (typeof metadata === 'object' && metadata !== null) {
    const title = (metadata as { title?: unknown }).title;
    if (typeof title === 'string') {
      (metadata as { title: string }).title = `Copy of ${title}`;
    }
  }
  return lesson;
}

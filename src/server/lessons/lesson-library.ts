import { randomBytes } from 'node:crypto';
import { stripAnswerKeys } from '#domain/lesson/answer-keys';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import {
  describeLessonFileProblem,
  exportLessonFile,
  importLessonFile,
  LESSON_FILE_MAX_BYTES,
} from '#domain/lesson/lesson-file';
import { lessonSchema, type Lesson } from '#domain/lesson/lesson-schema';
import {
  LESSON_DRAFT_MAX_BYTES,
  type LessonDetail,
  type LessonProblem,
  type LessonSummary,
} from '#domain/api/lesson-library-contracts';
import type { ApiErrorBody } from '#domain/api/errors';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import * as repo from '../repositories/lessons.repository';
import { LessonChecker, LessonCheckTimeoutError } from './lesson-checker';
import type { LessonRecord, LessonVersionRecord } from '../repositories/lessons.repository';

/** A published version, read: what a session pins and a student studies. */
export interface PinnedLesson {
  readonly lessonId: string;
  readonly versionId: string;
  readonly version: number;
  readonly publishedAt: string;
  readonly lesson: Lesson;
}

/** A pinned version as the API answers it (LessonVersion); a fresh object, not the cached one. */
export const toLessonVersion = (pinned: PinnedLesson) => ({
  lessonId: pinned.lessonId,
  versionId: pinned.versionId,
  version: pinned.version,
  publishedAt: pinned.publishedAt,
  lesson: pinned.lesson,
});

/** A pinned version as students get it: without its answer keys (answer-keys.ts). */
export const toStudentLessonVersion = (pinned: PinnedLesson) => ({
  ...toLessonVersion(pinned),
  lesson: stripAnswerKeys(pinned.lesson),
});

/** A built-in lesson's file: its name (for messages) and its text. */
export interface BuiltInLessonFile {
  readonly name: string;
  readonly text: string;
}

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

const notFound = (lessonId: string) =>
  new ApiError(404, 'lesson_not_found', `There is no lesson "${lessonId}" in your library.`);

/** Versions never change, so one read is kept; the cap bounds memory on a busy server. */
const VERSION_CACHE_SIZE = 256;

// Any constant works; it only has to be the same in every instance of this app.
const SEED_LOCK_KEY = 482_019_338;

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/** The library's title for a draft: its metadata's title when it has one. */
function draftTitle(draft: unknown): string | null {
  if (typeof draft !== 'object' || draft === null) return null;
  const metadata = (draft as { metadata?: unknown }).metadata;
  if (typeof metadata !== 'object' || metadata === null) return null;
  const title = (metadata as { title?: unknown }).title;
  return typeof title === 'string' && title.trim() !== '' ? title.trim().slice(0, 200) : null;
}

function draftSectionCount(draft: unknown): number {
  if (typeof draft !== 'object' || draft === null) return 0;
  const sections = (draft as { sections?: unknown }).sections;
  return Array.isArray(sections) ? sections.length : 0;
}

/**
 * The lesson library: built-in lessons (read-only, shared by their id) and each teacher's own,
 * private unless shared by an unguessable key. Drafts are any JSON; publishing checks a draft
 * and turns it into the next immutable version; a session pins the version it started with.
 */
export class LessonLibrary {
  private readonly versionCache = new Map<string, PinnedLesson>();
  /** Reads imported files and checks drafts off the event loop. */
  private readonly checker = new LessonChecker();

  constructor(private readonly db: Database) {}

  /** Ends the checker's worker thread (a later check starts another). */
  close(): Promise<void> {
    return this.checker.close();
  }

  /** A check that ran out of time, as the refusal of what was checked. */
  private static outOfTime(what: string, error: unknown): never {
    if (!(error instanceof LessonCheckTimeoutError)) throw error;
    throw new LessonProblemsError(what, [{ path: '', line: null, message: error.message }], 0);
  }

  // Reading versions

  private read(version: LessonVersionRecord): PinnedLesson {
    const cached = this.versionCache.get(version.id);
    if (cached) return cached;
    const imported = importLessonFile(version.file, { maxBytes: Number.POSITIVE_INFINITY });
    if (!imported.ok) {
      // Only a version stored by a newer app, or an edited database, can fail here.
      throw new Error(
        `Version ${version.number} of lesson ${version.lessonId} cannot be read: ${imported.problems
          .map(describeLessonFileProblem)
          .join('; ')}`,
      );
    }
    const pinned: PinnedLesson = {
      lessonId: version.lessonId,
      versionId: version.id,
      version: version.number,
      publishedAt: version.publishedAt,
      lesson: imported.lesson,
    };
    if (this.versionCache.size >= VERSION_CACHE_SIZE) {
      const oldest = this.versionCache.keys().next().value;
      if (oldest !== undefined) this.versionCache.delete(oldest);
    }
    this.versionCache.set(version.id, pinned);
    return pinned;
  }

  /** The version a session pinned; 404 when it is gone (its lesson was deleted). */
  async ofSession(session: { readonly lessonVersionId: string | null }): Promise<PinnedLesson> {
    const pinned = session.lessonVersionId ? await this.version(session.lessonVersionId) : null;
    if (!pinned) {
      throw new ApiError(404, 'lesson_not_found', "This session's lesson is no longer available.");
    }
    return pinned;
  }

  /** A version by its id, from the cache when it is there; null when there is none. */
  private async version(versionId: string): Promise<PinnedLesson | null> {
    const cached = this.versionCache.get(versionId);
    if (cached) return cached;
    const version = await repo.findVersion(this.db, versionId);
    return version ? this.read(version) : null;
  }

  /** The newest version of a lesson shared by link; 404 when the key is unknown or withdrawn. */
  async shared(shareKey: string): Promise<PinnedLesson> {
    const lesson = await repo.findLessonByShareKey(this.db, shareKey);
    const version = lesson ? await repo.findLatestVersion(this.db, lesson.id) : null;
    if (!version) {
      throw new ApiError(
        404,
        'lesson_not_found',
        'There is no lesson at this link: it may have been withdrawn by its teacher.',
      );
    }
    return this.read(version);
  }

  /**
   * A version of a lesson shared by link, older ones too (a student offline may hold one); 404
   * when the key is unknown or withdrawn, or the version is not that lesson's.
   */
  async sharedVersion(shareKey: string, versionId: string): Promise<PinnedLesson> {
    const lesson = await repo.findLessonByShareKey(this.db, shareKey);
    const pinned = lesson ? await this.version(versionId) : null;
    if (!lesson || pinned?.lessonId !== lesson.id) {
      throw new ApiError(
        404,
        'lesson_not_found',
        'There is no such lesson version at this link: it may have been withdrawn by its teacher.',
      );
    }
    return pinned;
  }

  // Access

  /** A lesson the teacher may read: their own or a built-in one; another's is "not found". */
  private async readable(teacherId: string, lessonId: string, db: Queryable = this.db) {
    const lesson = await repo.findLesson(db, lessonId);
    if (!lesson || (lesson.ownerId !== null && lesson.ownerId !== teacherId)) {
      throw notFound(lessonId);
    }
    return lesson;
  }

  private async writable(
    teacherId: string,
    lessonId: string,
    db: Queryable = this.db,
    options: { forUpdate?: boolean } = {},
  ) {
    const lesson = await repo.findLesson(db, lessonId, options);
    if (!lesson || (lesson.ownerId !== null && lesson.ownerId !== teacherId)) {
      throw notFound(lessonId);
    }
    if (lesson.ownerId === null) {
      throw new ApiError(
        403,
        'lesson_read_only',
        'A built-in lesson cannot be changed: duplicate it to make your own copy.',
      );
    }
    return lesson;
  }

  // The library

  async list(teacherId: string): Promise<LessonSummary[]> {
    const rows = await repo.listLibrary(this.db, teacherId);
    return Promise.all(
      rows.map(async (row) => {
        const latest = row.latestVersionId ? await this.version(row.latestVersionId) : null;
        return this.summarise(row, latest, row.sessionCount);
      }),
    );
  }

  private summarise(
    record: LessonRecord,
    latest: PinnedLesson | null,
    sessionCount: number,
  ): LessonSummary {
    const parsedDraft = record.draft === null ? null : lessonSchema.safeParse(record.draft);
    const measured = parsedDraft?.success ? parsedDraft.data : (latest?.lesson ?? null);
    return {
      lessonId: record.id,
      title: record.title,
      builtIn: record.ownerId === null,
      status: latest ? 'published' : 'draft',
      publishedVersion: latest?.version ?? null,
      hasUnpublishedChanges: record.draft !== null,
      archived: record.archivedAt !== null,
      updatedAt: record.updatedAt,
      sessionCount,
      sectionCount:
        record.draft !== null
          ? draftSectionCount(record.draft)
          : (latest?.lesson.sections.length ?? 0),
      minutes: measured ? lessonDuration(measured) : null,
      shareKey: record.shareKey,
    };
  }

  async detail(teacherId: string, lessonId: string): Promise<LessonDetail> {
    const record = await this.readable(teacherId, lessonId);
    return this.detailOf(record, teacherId);
  }

  private async detailOf(record: LessonRecord, teacherId: string): Promise<LessonDetail> {
    const version = await repo.findLatestVersion(this.db, record.id);
    const latest = version ? this.read(version) : null;
    const sessionCount = await repo.countLessonSessions(this.db, record.id, teacherId);
    return {
      summary: this.summarise(record, latest, sessionCount),
      draft: record.draft,
      draftSavedAt: record.draftSavedAt,
      published: latest,
    };
  }

  /** The version a new session of this lesson pins: its newest, if usable. */
  async forNewSession(teacherId: string, lessonId: string): Promise<PinnedLesson> {
    const record = await this.readable(teacherId, lessonId);
    if (record.archivedAt !== null) {
      throw new ApiError(
        409,
        'lesson_archived',
        'This lesson is archived: bring it back from the library to start a session.',
        'lessonId',
      );
    }
    const version = await repo.findLatestVersion(this.db, record.id);
    if (!version) {
      throw new ApiError(
        409,
        'lesson_not_published',
        'This lesson has no published version yet: publish it to start a session.',
        'lessonId',
      );
    }
    return this.read(version);
  }

  /** A published version as a lesson file; the newest unless a number is given. */
  async file(teacherId: string, lessonId: string, number?: number): Promise<PinnedLesson> {
    const record = await this.readable(teacherId, lessonId);
    const version =
      number === undefined
        ? await repo.findLatestVersion(this.db, record.id)
        : await repo.findVersionByNumber(this.db, record.id, number);
    if (!version) {
      throw number === undefined
        ? new ApiError(
            409,
            'lesson_not_published',
            'This lesson has no published version yet: publish it to export it.',
          )
        : new ApiError(404, 'lesson_not_found', `This lesson has no version ${number}.`);
    }
    return this.read(version);
  }

  // Changes

  private static checkDraftSize(draft: unknown) {
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

  async create(teacherId: string, draft: unknown): Promise<LessonDetail> {
    LessonLibrary.checkDraftSize(draft);
    const record = await repo.insertLesson(this.db, {
      ownerId: teacherId,
      title: draftTitle(draft) ?? 'Untitled lesson',
      draft: draft ?? {},
    });
    return this.detailOf(record, teacherId);
  }

  async saveDraft(
    teacherId: string,
    lessonId: string,
    draft: unknown,
    basedOn: string | null,
  ): Promise<{ draftSavedAt: string }> {
    LessonLibrary.checkDraftSize(draft);
    await this.writable(teacherId, lessonId);
    const savedAt = await repo.saveLessonDraft(this.db, {
      id: lessonId,
      draft: draft ?? {},
      title: draftTitle(draft),
      basedOn,
    });
    if (!savedAt) {
      throw new ApiError(
        409,
        'draft_conflict',
        'This lesson was changed in another tab or on another device since you opened it.',
      );
    }
    return { draftSavedAt: savedAt };
  }

  async publish(teacherId: string, lessonId: string): Promise<LessonDetail> {
    await this.db.transaction(async (tx) => {
      const record = await this.writable(teacherId, lessonId, tx, { forUpdate: true });
      if (record.draft === null) {
        throw new ApiError(409, 'lesson_invalid', 'There are no changes to publish.');
      }
      const checked = await this.checker
        .checkDraft(record.draft)
        .catch((error: unknown) =>
          LessonLibrary.outOfTime('The lesson cannot be published yet', error),
        );
      if (!checked.ok) {
        throw new LessonProblemsError(
          'The lesson cannot be published yet',
          checked.problems.map(({ path, message }) => ({ path, line: null, message })),
          checked.moreProblems,
        );
      }
      await repo.insertVersion(tx, {
        lessonId,
        file: exportLessonFile(checked.lesson),
        title: checked.lesson.metadata.title,
        clearDraft: true,
      });
    });
    return this.detail(teacherId, lessonId);
  }

  async importFile(teacherId: string, file: string): Promise<LessonDetail> {
    const size = file.length > LESSON_FILE_MAX_BYTES ? file.length : utf8Length(file);
    if (size > LESSON_FILE_MAX_BYTES) {
      throw new ApiError(
        413,
        'payload_too_large',
        `The file is ${Math.ceil(size / 1024)} KB: a lesson file can be at most ${LESSON_FILE_MAX_BYTES / 1024} KB.`,
        'file',
      );
    }
    const imported = await this.checker
      .importFile(file)
      .catch((error: unknown) => LessonLibrary.outOfTime('The file cannot be imported', error));
    if (!imported.ok) {
      throw new LessonProblemsError(
        'The file cannot be imported',
        imported.problems,
        imported.moreProblems,
      );
    }
    const { lesson } = imported;
    const record = await this.db.transaction(async (tx) => {
      const inserted = await repo.insertLesson(tx, {
        ownerId: teacherId,
        title: lesson.metadata.title,
        draft: null,
      });
      await repo.insertVersion(tx, {
        lessonId: inserted.id,
        file: exportLessonFile(lesson),
        title: lesson.metadata.title,
        clearDraft: false,
      });
      return inserted;
    });
    return this.detail(teacherId, record.id);
  }

  async duplicate(teacherId: string, lessonId: string): Promise<LessonDetail> {
    const record = await this.readable(teacherId, lessonId);
    const version = await repo.findLatestVersion(this.db, record.id);
    const source: unknown = record.draft ?? (version ? this.read(version).lesson : null);
    if (source === null) throw notFound(lessonId);
    const copy = copyOf(source);
    const created = await repo.insertLesson(this.db, {
      ownerId: teacherId,
      title: draftTitle(copy) ?? `Copy of ${record.title}`,
      draft: copy,
    });
    return this.detailOf(created, teacherId);
  }

  async setArchived(teacherId: string, lessonId: string, archived: boolean) {
    await this.writable(teacherId, lessonId);
    await repo.setLessonArchived(this.db, lessonId, archived);
    return (await this.detail(teacherId, lessonId)).summary;
  }

  async setShared(teacherId: string, lessonId: string, shared: boolean) {
    const record = await this.writable(teacherId, lessonId);
    // 128 random bits: a link cannot be guessed, only given.
    const key = shared ? (record.shareKey ?? randomBytes(16).toString('base64url')) : null;
    await repo.setLessonShareKey(this.db, lessonId, key);
    return (await this.detail(teacherId, lessonId)).summary;
  }

  /**
   * Deletes a lesson; one that sessions used only when `confirmedSessions` is their number.
   * Returns the ids of the sessions deleted with it, whose streams the caller ends.
   */
  async delete(
    teacherId: string,
    lessonId: string,
    confirmedSessions: number | undefined,
  ): Promise<string[]> {
    return this.db.transaction(async (tx) => {
      await this.writable(teacherId, lessonId, tx, { forUpdate: true });
      const sessionIds = await repo.lessonSessionIds(tx, lessonId);
      if (sessionIds.length > 0 && confirmedSessions !== sessionIds.length) {
        throw new ApiError(
          409,
          'lesson_has_sessions',
          `${sessionIds.length} ${sessionIds.length === 1 ? 'session' : 'sessions'} used this lesson: archive it to keep ${sessionIds.length === 1 ? 'its report' : 'their reports'}, or confirm deleting ${sessionIds.length === 1 ? 'it' : 'them'} too.`,
        );
      }
      // The sessions go with their versions (ON DELETE CASCADE).
      await repo.deleteLesson(tx, lessonId);
      return sessionIds;
    });
  }
}

/** A copy of a lesson as a new draft: the title says it is a copy and the id is its own. */
function copyOf(source: unknown): unknown {
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

/**
 * Loads the built-in lessons into the library: each file is checked as an import is, and the
 * server does not start with a broken one. A changed file becomes the lesson's next version;
 * sessions from before the library are pinned to the first.
 */
export async function openLessonLibrary(
  db: Database,
  builtIn: readonly BuiltInLessonFile[],
): Promise<LessonLibrary> {
  const lessons = builtIn.map(({ name, text }) => {
    const imported = importLessonFile(text);
    if (!imported.ok) {
      throw new Error(
        `The built-in lesson ${name} is not valid:\n${imported.problems
          .map((p) => `  - ${describeLessonFileProblem(p)}`)
          .join('\n')}`,
      );
    }
    return imported.lesson;
  });
  await db.transaction(async (tx) => {
    if (db.kind === 'postgres') {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    }
    for (const lesson of lessons) {
      await repo.upsertBuiltInLesson(tx, lesson.id, lesson.metadata.title);
      const file = exportLessonFile(lesson);
      const latest = await repo.findLatestVersion(tx, lesson.id);
      if (latest?.file !== file) {
        await repo.insertVersion(tx, {
          lessonId: lesson.id,
          file,
          title: lesson.metadata.title,
          clearDraft: false,
        });
      }
      const first = await repo.findVersionByNumber(tx, lesson.id, 1);
      if (first) await repo.pinUnversionedSessions(tx, lesson.id, first.id);
    }
  });
  return new LessonLibrary(db);
}

import { randomBytes } from 'node:crypto';
import { lessonDuration } from '#domain/lesson/lesson-duration';
import {
  describeLessonFileProblem,
  exportLessonFile,
  importLessonFile,
} from '#domain/lesson/lesson-file';
import { lessonSchema } from '#domain/lesson/lesson-schema';
import type {
  LessonDetail,
  LessonSummary,
  SaveDraftResponse,
} from '#domain/api/lesson-library-contracts';
import type { Database, Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import { articleReadingLevel } from '../lessons/article-reading-level';
import type { BuiltInLessonFile } from '../lessons/built-in-lessons';
import { LessonChecker } from '../lessons/lesson-checker';
import {
  checkDraftSize,
  checkFileSize,
  copyOf,
  draftSectionCount,
  draftTitle,
  LessonProblemsError,
  refuseOutOfTime,
} from '../lessons/lesson-drafts';
import type { PinnedLesson } from '../lessons/pinned-lesson';
import * as repo from '../repositories/lessons.repository';
import type { LessonRecord } from '../repositories/lessons.repository';
import { LessonVersions } from './lesson-versions';

const notFound = (lessonId: string) =>
  new ApiError(404, 'lesson_not_found', `There is no lesson "${lessonId}" in your library.`);

// Any constant works; it only has to be the same in every instance of this app.
const SEED_LOCK_KEY = 482_019_338;

/**
 * The lesson library: built-in lessons (read-only, shared by their id) and each teacher's own,
 * private unless shared by an unguessable key. Drafts are any JSON; publishing checks a draft
 * and turns it into the next immutable version; a session pins the version it started with.
 */
export class LessonLibrary {
  /** Published versions, read once (lesson-versions.ts). */
  private readonly versions: LessonVersions;
  /** Reads imported files and checks drafts off the event loop. */
  private readonly checker = new LessonChecker();

  constructor(private readonly db: Database) {
    this.versions = new LessonVersions(db);
  }

  /** Ends the checker's worker thread (a later check starts another). */
  close(): Promise<void> {
    return this.checker.close();
  }

  // Reading versions

  /** The version a session pinned; 404 when it is gone (its lesson was deleted). */
  ofSession(session: { readonly lessonVersionId: string | null }): Promise<PinnedLesson> {
    return this.versions.ofSession(session);
  }

  /** The newest version of a lesson shared by link; 404 when the key is unknown or withdrawn. */
  shared(shareKey: string): Promise<PinnedLesson> {
    return this.versions.shared(shareKey);
  }

  /** A version of a lesson shared by link, older ones too; 404 unless it is that lesson's. */
  sharedVersion(shareKey: string, versionId: string): Promise<PinnedLesson> {
    return this.versions.sharedVersion(shareKey, versionId);
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
        const latest = row.latestVersionId ? await this.versions.byId(row.latestVersionId) : null;
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
    const latest = await this.versions.latest(record.id);
    const sessionCount = await repo.countLessonSessions(this.db, record.id, teacherId);
    return {
      summary: this.summarise(record, latest, sessionCount),
      draft: record.draft,
      draftSavedAt: record.draftSavedAt,
      published: latest,
      // Not in the summary: the library's list reads no lesson's text.
      readingLevel: await articleReadingLevel(record.draft ?? latest?.lesson, this.checker),
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
    const latest = await this.versions.latest(record.id);
    if (!latest) {
      throw new ApiError(
        409,
        'lesson_not_published',
        'This lesson has no published version yet: publish it to start a session.',
        'lessonId',
      );
    }
    return latest;
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
    return this.versions.read(version);
  }

  // Changes

  async create(teacherId: string, draft: unknown): Promise<LessonDetail> {
    checkDraftSize(draft);
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
  ): Promise<SaveDraftResponse> {
    checkDraftSize(draft);
    await this.writable(teacherId, lessonId);
    const readingLevel = await articleReadingLevel(draft, this.checker);
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
    return { draftSavedAt: savedAt, readingLevel };
  }

  async publish(teacherId: string, lessonId: string): Promise<LessonDetail> {
    await this.db.transaction(async (tx) => {
      const record = await this.writable(teacherId, lessonId, tx, { forUpdate: true });
      if (record.draft === null) {
        throw new ApiError(409, 'lesson_invalid', 'There are no changes to publish.');
      }
      const checked = await this.checker
        .checkDraft(record.draft)
        .catch((error: unknown) => refuseOutOfTime('The lesson cannot be published yet', error));
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
    checkFileSize(file);
    const imported = await this.checker
      .importFile(file)
      .catch((error: unknown) => refuseOutOfTime('The file cannot be imported', error));
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
    const latest = await this.versions.latest(record.id);
    const source: unknown = record.draft ?? latest?.lesson ?? null;
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

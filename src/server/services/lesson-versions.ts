import { describeLessonFileProblem, importLessonFile } from '#domain/lesson/lesson-file';
import type { Queryable } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { PinnedLesson } from '../lessons/pinned-lesson';
import * as repo from '../repositories/lessons.repository';
import type { LessonVersionRecord } from '../repositories/lessons.repository';

/** Versions never change, so one read is kept; the cap bounds memory on a busy server. */
const VERSION_CACHE_SIZE = 256;

/**
 * Published lesson versions, read once and kept: what sessions pin and students study, and the
 * lessons shared by link.
 */
export class LessonVersions {
  private readonly cache = new Map<string, PinnedLesson>();

  constructor(private readonly db: Queryable) {}

  /** A stored version, read (from the cache when it is there). */
  read(version: LessonVersionRecord): PinnedLesson {
    const cached = this.cache.get(version.id);
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
    if (this.cache.size >= VERSION_CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(version.id, pinned);
    return pinned;
  }

  /** A version by its id, from the cache when it is there; null when there is none. */
  async byId(versionId: string): Promise<PinnedLesson | null> {
    const cached = this.cache.get(versionId);
    if (cached) return cached;
    const version = await repo.findVersion(this.db, versionId);
    return version ? this.read(version) : null;
  }

  /** The newest version of a lesson; null before its first publish. */
  async latest(lessonId: string): Promise<PinnedLesson | null> {
    const version = await repo.findLatestVersion(this.db, lessonId);
    return version ? this.read(version) : null;
  }

  /** The version a session pinned; 404 when it is gone (its lesson was deleted). */
  async ofSession(session: { readonly lessonVersionId: string | null }): Promise<PinnedLesson> {
    const pinned = session.lessonVersionId ? await this.byId(session.lessonVersionId) : null;
    if (!pinned) {
      throw new ApiError(404, 'lesson_not_found', "This session's lesson is no longer available.");
    }
    return pinned;
  }

  /** The newest version of a lesson shared by link; 404 when the key is unknown or withdrawn. */
  async shared(shareKey: string): Promise<PinnedLesson> {
    const lesson = await repo.findLessonByShareKey(this.db, shareKey);
    const pinned = lesson ? await this.latest(lesson.id) : null;
    if (!pinned) {
      throw new ApiError(
        404,
        'lesson_not_found',
        'There is no lesson at this link: it may have been withdrawn by its teacher.',
      );
    }
    return pinned;
  }

  /**
   * A version of a lesson shared by link, older ones too (a student offline may hold one); 404
   * when the key is unknown or withdrawn, or the version is not that lesson's.
   */
  async sharedVersion(shareKey: string, versionId: string): Promise<PinnedLesson> {
    const lesson = await repo.findLessonByShareKey(this.db, shareKey);
    const pinned = lesson ? await this.byId(versionId) : null;
    if (!lesson || pinned?.lessonId !== lesson.id) {
      throw new ApiError(
        404,
        'lesson_not_found',
        'There is no such lesson version at this link: it may have been withdrawn by its teacher.',
      );
    }
    return pinned;
  }
}

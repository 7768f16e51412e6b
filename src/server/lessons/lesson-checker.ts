import type { DraftCheck } from '#domain/lesson/lesson-draft';
import type { LessonFileImport } from '#domain/lesson/lesson-file';
import type { ReadingLevel } from '#domain/lesson/reading-level';
import { WorkerQueue } from '../lib/worker-queue';

export type LessonCheckJob =
  | { readonly kind: 'file'; readonly text: string }
  | { readonly kind: 'draft'; readonly draft: unknown }
  | { readonly kind: 'readingLevel'; readonly text: string };

export type LessonCheckAnswer =
  | { readonly kind: 'file'; readonly result: LessonFileImport }
  | { readonly kind: 'draft'; readonly result: DraftCheck }
  | { readonly kind: 'readingLevel'; readonly result: ReadingLevel };

/** Far more than a 1 MB file takes to read (well under a second): only a hostile one gets here. */
export const LESSON_CHECK_TIME_LIMIT_MS = 10_000;

/** Thrown when a file or draft takes longer than the time limit to check. */
export class LessonCheckTimeoutError extends Error {
  override readonly name = 'LessonCheckTimeoutError';
}

/**
 * Reads imported files, checks drafts for publishing and measures long articles' reading level
 * in a worker thread
 * (`lesson-check-worker.ts`, run by lib/worker-queue.ts), one at a time: the event loop keeps
 * answering (health checks, live classes) while a 1 MB file is read. A check that runs past its
 * time limit has its worker ended (the next check starts a new one).
 */
export class LessonChecker {
  private readonly queue: WorkerQueue<LessonCheckJob, LessonCheckAnswer>;

  constructor(timeLimitMs = LESSON_CHECK_TIME_LIMIT_MS) {
    this.queue = new WorkerQueue({
      workerUrl: new URL('./lesson-check-worker.ts', import.meta.url).href,
      name: 'the lesson checker',
      timeLimitMs,
      timedOut: () =>
        new LessonCheckTimeoutError(`took more than ${timeLimitMs / 1000} s to check`),
    });
  }

  /** Reads a lesson file as importLessonFile does. */
  async importFile(text: string): Promise<LessonFileImport> {
    const answer = await this.queue.run({ kind: 'file', text });
    if (answer.kind !== 'file') throw new Error('the lesson checker answered another question');
    return answer.result;
  }

  /** Checks a draft as checkLessonDraft does. */
  async checkDraft(draft: unknown): Promise<DraftCheck> {
    const answer = await this.queue.run({ kind: 'draft', draft });
    if (answer.kind !== 'draft') throw new Error('the lesson checker answered another question');
    return answer.result;
  }

  /** The reading level of a long text, as readingLevel computes it. */
  async readingLevel(text: string): Promise<ReadingLevel> {
    const answer = await this.queue.run({ kind: 'readingLevel', text });
    if (answer.kind !== 'readingLevel') {
      throw new Error('the lesson checker answered another question');
    }
    return answer.result;
  }

  /** Ends the worker; checks still waiting fail. A later check starts a new worker. */
  close(): Promise<void> {
    return this.queue.close();
  }
}

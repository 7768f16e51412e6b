import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DraftCheck } from '#domain/lesson/lesson-draft';
import type { LessonFileImport } from '#domain/lesson/lesson-file';
import type { ReadingLevel } from '#domain/lesson/reading-level';

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

interface Pending {
  readonly job: LessonCheckJob;
  readonly resolve: (answer: LessonCheckAnswer) => void;
  readonly reject: (error: Error) => void;
}

const WORKER_URL = new URL('./lesson-check-worker.ts', import.meta.url).href;
// tsx's ESM API (its package.json "exports" for `import "tsx/esm/api"`), found from here: code
// run by `eval` resolves no package names.
const TSX_API_URL = new URL(
  'dist/esm/api/index.mjs',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
).href;
/**
 * The worker's first lines: it loads its TypeScript through tsx, as the server does, since a
 * worker thread does not inherit the loader the server was started with (nor a test runner's).
 */
const WORKER_BOOT = `import(${JSON.stringify(TSX_API_URL)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`;

/**
 * Reads imported files, checks drafts for publishing and measures long articles' reading level
 * in a worker thread, one at a time: the event loop keeps answering (health checks, live
 * classes) while a 1 MB file is read. A check
 * that runs past its time limit has its worker ended (the next check starts a new one).
 */
export class LessonChecker {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private running: { pending: Pending; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly timeLimitMs = LESSON_CHECK_TIME_LIMIT_MS) {}

  /** Reads a lesson file as importLessonFile does. */
  async importFile(text: string): Promise<LessonFileImport> {
    const answer = await this.run({ kind: 'file', text });
    if (answer.kind !== 'file') throw new Error('the lesson checker answered another question');
    return answer.result;
  }

  /** Checks a draft as checkLessonDraft does. */
  async checkDraft(draft: unknown): Promise<DraftCheck> {
    const answer = await this.run({ kind: 'draft', draft });
    if (answer.kind !== 'draft') throw new Error('the lesson checker answered another question');
    return answer.result;
  }

  /** The reading level of a long text, as readingLevel computes it. */
  async readingLevel(text: string): Promise<ReadingLevel> {
    const answer = await this.run({ kind: 'readingLevel', text });
    if (answer.kind !== 'readingLevel') {
      throw new Error('the lesson checker answered another question');
    }
    return answer.result;
  }

  /** Ends the worker; checks still waiting fail. A later check starts a new worker. */
  async close(): Promise<void> {
    const closing = new Error('the server is closing');
    for (const pending of this.queue.splice(0)) pending.reject(closing);
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.pending.reject(closing);
      this.running = null;
    }
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private run(job: LessonCheckJob): Promise<LessonCheckAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.running) return;
    const pending = this.queue.shift();
    if (!pending) return;
    const worker = this.worker ?? this.startWorker();
    const timer = setTimeout(() => {
      this.running = null;
      this.worker = null;
      void worker.terminate();
      pending.reject(
        new LessonCheckTimeoutError(`took more than ${this.timeLimitMs / 1000} s to check`),
      );
      this.next();
    }, this.timeLimitMs);
    this.running = { pending, timer };
    worker.postMessage(pending.job);
  }

  private startWorker(): Worker {
    // The worker is TypeScript, as the server is: tsx loads it, under `npm start` and in tests.
    const worker = new Worker(WORKER_BOOT, { eval: true });
    worker.unref();
    const finish = (settle: (pending: Pending) => void) => {
      const running = this.running;
      if (!running || this.worker !== worker) return;
      clearTimeout(running.timer);
      this.running = null;
      settle(running.pending);
      this.next();
    };
    worker.on('message', (answer: LessonCheckAnswer) => {
      finish((pending) => {
        pending.resolve(answer);
      });
    });
    worker.on('error', (error) => {
      finish((pending) => {
        pending.reject(error);
      });
      if (this.worker === worker) this.worker = null;
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      finish((pending) => {
        pending.reject(new Error(`the lesson checker stopped (code ${code})`));
      });
    });
    this.worker = worker;
    return worker;
  }
}

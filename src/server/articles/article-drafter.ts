import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { notAnArticle } from './article-errors';
import type { DraftAnswer, DraftJob } from './draft-from-article';

/** Far more than a 5 MB page takes to read and draft (a few seconds): only a hostile one gets here. */
export const ARTICLE_DRAFT_TIME_LIMIT_MS = 30_000;

interface Pending {
  readonly job: DraftJob;
  readonly resolve: (answer: DraftAnswer) => void;
  readonly reject: (error: Error) => void;
}

const WORKER_URL = new URL('./article-draft-worker.ts', import.meta.url).href;
// As in lessons/lesson-checker.ts: a worker does not inherit the loader the server runs under,
// so it loads its TypeScript through tsx's ESM API, found from here.
const TSX_API_URL = new URL(
  'dist/esm/api/index.mjs',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
).href;
const WORKER_BOOT = `import(${JSON.stringify(TSX_API_URL)}).then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`;

/**
 * Extracts articles and drafts lessons in a worker thread, one at a time: the event loop keeps
 * answering (live classes, health checks) while a page of megabytes is read. A job past its time
 * limit has its worker ended (the next job starts a new one) and is refused as not_an_article.
 */
export class ArticleDrafter {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private running: { pending: Pending; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly timeLimitMs = ARTICLE_DRAFT_TIME_LIMIT_MS) {}

  draft(job: DraftJob): Promise<DraftAnswer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.next();
    });
  }

  /** Ends the worker; jobs still waiting fail. A later job starts a new worker. */
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
        notAnArticle(
          pending.job.field,
          `reading it took more than ${this.timeLimitMs / 1000} s, longer than any article takes`,
        ),
      );
      this.next();
    }, this.timeLimitMs);
    this.running = { pending, timer };
    worker.postMessage(pending.job);
  }

  private startWorker(): Worker {
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
    worker.on('message', (answer: DraftAnswer) => {
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
        pending.reject(new Error(`the article drafter stopped (code ${code})`));
      });
    });
    this.worker = worker;
    return worker;
  }
}

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';

// tsx's ESM API (its package.json "exports" for `import "tsx/esm/api"`), found from here: code
// run by `eval` resolves no package names.
const TSX_API_URL = new URL(
  'dist/esm/api/index.mjs',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
).href;

/**
 * A worker's first lines: it loads its TypeScript through tsx, as the server does, since a
 * worker thread does not inherit the loader the server was started with (nor a test runner's).
 */
const bootOf = (workerUrl: string) =>
  `import(${JSON.stringify(TSX_API_URL)}).then(({ tsImport }) => tsImport(${JSON.stringify(workerUrl)}, ${JSON.stringify(workerUrl)}))`;

export interface WorkerQueueOptions<Job> {
  /** The worker's module (a file URL), which answers each job with one message (answerJobs). */
  readonly workerUrl: string;
  /** What the worker does, for the error when it stops: "the lesson checker". */
  readonly name: string;
  readonly timeLimitMs: number;
  /** The error a job past the time limit fails with. */
  readonly timedOut: (job: Job) => Error;
}

interface Pending<Job, Answer> {
  readonly job: Job;
  readonly resolve: (answer: Answer) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Runs jobs in a worker thread, one at a time: the event loop keeps answering (live classes,
 * health checks) while a large file or page is read. A job past its time limit has its worker
 * ended (the next job starts a new one). Used by lessons/lesson-checker.ts and
 * articles/article-drafter.ts.
 */
export class WorkerQueue<Job, Answer> {
  private worker: Worker | null = null;
  private readonly queue: Pending<Job, Answer>[] = [];
  private running: { pending: Pending<Job, Answer>; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly options: WorkerQueueOptions<Job>) {}

  run(job: Job): Promise<Answer> {
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
      pending.reject(this.options.timedOut(pending.job));
      this.next();
    }, this.options.timeLimitMs);
    this.running = { pending, timer };
    worker.postMessage(pending.job);
  }

  private startWorker(): Worker {
    const worker = new Worker(bootOf(this.options.workerUrl), { eval: true });
    worker.unref();
    const finish = (settle: (pending: Pending<Job, Answer>) => void) => {
      const running = this.running;
      if (!running || this.worker !== worker) return;
      clearTimeout(running.timer);
      this.running = null;
      settle(running.pending);
      this.next();
    };
    worker.on('message', (answer: Answer) => {
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
        pending.reject(new Error(`${this.options.name} stopped (code ${code})`));
      });
    });
    this.worker = worker;
    return worker;
  }
}

/**
 * The worker's side of a WorkerQueue: each job posted in is answered with `answer(job)`. Throws
 * when `file` (named in the message) is not running as a worker thread.
 */
export function answerJobs(file: string, answer: (job: never) => unknown): void {
  if (!parentPort) throw new Error(`${file} runs as a worker thread only`);
  const port = parentPort;
  port.on('message', (job: unknown) => {
    // The job the WorkerQueue posted: of the type `answer` takes, by their agreement.
    port.postMessage(answer(job as never));
  });
}

import { WorkerQueue } from '../lib/worker-queue';
import { notAnArticle } from './article-errors';
import type { DraftAnswer, DraftJob } from './draft-from-article';

/** Far more than a 5 MB page takes to read and draft (a few seconds): only a hostile one gets here. */
export const ARTICLE_DRAFT_TIME_LIMIT_MS = 30_000;

/** What the worker is asked (article-draft-worker.ts): an article to draft, or to warm up. */
export type DrafterJob = DraftJob | { readonly kind: 'warm-up' };
export type DrafterAnswer = DraftAnswer | { readonly warmedUp: true };

/**
 * Extracts articles and drafts lessons in a worker thread (`article-draft-worker.ts`, run by
 * lib/worker-queue.ts), one at a time: the event loop keeps answering (live classes, health
 * checks) while a page of megabytes is read. A job past its time limit has its worker ended (the
 * next job starts a new one) and is refused as not_an_article.
 */
export class ArticleDrafter {
  private readonly queue: WorkerQueue<DrafterJob, DrafterAnswer>;
  private warmingUp: Promise<void> | null = null;

  constructor(timeLimitMs = ARTICLE_DRAFT_TIME_LIMIT_MS) {
    this.queue = new WorkerQueue({
      workerUrl: new URL('./article-draft-worker.ts', import.meta.url).href,
      name: 'the article drafter',
      timeLimitMs,
      timedOut: (job) =>
        job.kind === 'warm-up'
          ? new Error(`the article drafter took more than ${timeLimitMs / 1000} s to warm up`)
          : notAnArticle(
              job.field,
              `reading it took more than ${timeLimitMs / 1000} s, longer than any article takes`,
            ),
    });
  }

  async draft(job: DraftJob): Promise<DraftAnswer> {
    const answer = await this.queue.run(job);
    if ('warmedUp' in answer) throw new Error('the article drafter answered another question');
    return answer;
  }

  /**
   * Starts the worker and has it load the drafter and its word list and draft a sample, so the
   * first teacher's draft does not wait a second for them; a draft asked for meanwhile waits its
   * turn behind the warm-up. Once: later calls answer the same promise (after a failure, they
   * try again).
   */
  warmUp(): Promise<void> {
    this.warmingUp ??= this.queue.run({ kind: 'warm-up' }).then(
      () => undefined,
      (error: unknown) => {
        this.warmingUp = null; // a later call tries again
        throw error;
      },
    );
    return this.warmingUp;
  }

  /** Ends the worker; jobs still waiting fail. A later job starts a new worker. */
  close(): Promise<void> {
    return this.queue.close();
  }
}

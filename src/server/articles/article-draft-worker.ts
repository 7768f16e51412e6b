/**
 * The worker thread that extracts articles and drafts their lessons (article-drafter.ts), so a
 * large page never holds up the server's event loop. One message in, one answer out.
 */
import { answerJobs } from '../lib/worker-queue';
import type { DrafterAnswer, DrafterJob } from './article-drafter';
import { draftFromArticle } from './draft-from-article';
import { warmUp } from './warm-up';

answerJobs('article-draft-worker.ts', (job: DrafterJob): DrafterAnswer => {
  if (job.kind !== 'warm-up') return draftFromArticle(job);
  warmUp();
  return { warmedUp: true };
});

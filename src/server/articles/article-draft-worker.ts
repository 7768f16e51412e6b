/**
 * The worker thread that extracts articles and drafts their lessons (article-drafter.ts), so a
 * large page never holds up the server's event loop. One message in, one answer out.
 */
import { parentPort } from 'node:worker_threads';
import { draftFromArticle, type DraftJob } from './draft-from-article';

if (!parentPort) throw new Error('article-draft-worker.ts runs as a worker thread only');
const port = parentPort;

port.on('message', (job: DraftJob) => {
  port.postMessage(draftFromArticle(job));
});

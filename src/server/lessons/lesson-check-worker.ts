/**
 * The worker thread that reads lesson files and checks drafts (lesson-checker.ts), so a large or
 * hostile file never holds up the server's event loop. One message in, one answer out.
 */
import { parentPort } from 'node:worker_threads';
import { checkLessonDraft } from '#domain/lesson/lesson-draft';
import { importLessonFile } from '#domain/lesson/lesson-file';
import type { LessonCheckJob, LessonCheckAnswer } from './lesson-checker';

if (!parentPort) throw new Error('lesson-check-worker.ts runs as a worker thread only');
const port = parentPort;

port.on('message', (job: LessonCheckJob) => {
  const answer: LessonCheckAnswer =
    job.kind === 'file'
      ? { kind: 'file', result: importLessonFile(job.text) }
      : { kind: 'draft', result: checkLessonDraft(job.draft) };
  port.postMessage(answer);
});

/**
 * The worker thread that reads lesson files and checks drafts (lesson-checker.ts), so a large or
 * hostile file never holds up the server's event loop. One message in, one answer out.
 */
import { checkLessonDraft } from '#domain/lesson/lesson-draft';
import { importLessonFile } from '#domain/lesson/lesson-file';
import { answerJobs } from '../lib/worker-queue';
import type { LessonCheckJob, LessonCheckAnswer } from './lesson-checker';

answerJobs('lesson-check-worker.ts', (job: LessonCheckJob): LessonCheckAnswer =>
  job.kind === 'file'
    ? { kind: 'file', result: importLessonFile(job.text) }
    : { kind: 'draft', result: checkLessonDraft(job.draft) },
);

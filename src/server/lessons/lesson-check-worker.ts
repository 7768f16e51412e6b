/**
 * The worker thread that reads lesson files, checks drafts and measures long articles' reading
 * level (lesson-checker.ts), so a large or hostile file never holds up the server's event loop.
 * One message in, one answer out.
 */
import { checkLessonDraft } from '#domain/lesson/lesson-draft';
import { importLessonFile } from '#domain/lesson/lesson-file';
import { readingLevel } from '#domain/lesson/reading-level';
import { answerJobs } from '../lib/worker-queue';
import type { LessonCheckJob, LessonCheckAnswer } from './lesson-checker';

function answer(job: LessonCheckJob): LessonCheckAnswer {
  switch (job.kind) {
    case 'file':
      return { kind: 'file', result: importLessonFile(job.text) };
    case 'draft':
      return { kind: 'draft', result: checkLessonDraft(job.draft) };
    case 'readingLevel':
      return { kind: 'readingLevel', result: readingLevel(job.text) };
  }
}

answerJobs('lesson-check-worker.ts', answer);

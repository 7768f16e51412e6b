import { z } from 'zod';
import { itemAnswerKeySchema } from '../../lesson/answer-key-schemas';
import {
  archiveLessonRequestSchema,
  createLessonRequestSchema,
  deleteLessonQuerySchema,
  draftFromArticleRequestSchema,
  importLessonRequestSchema,
  lessonDetailSchema,
  lessonFileQuerySchema,
  lessonLibrarySchema,
  lessonSummarySchema,
  saveDraftRequestSchema,
  saveDraftResponseSchema,
  shareLessonRequestSchema,
  studentLessonVersionSchema,
} from '../lesson-library-contracts';
import { id, lessonParams } from './params';
import type { EndpointContract } from './contract';

/** The teacher's lesson library, and lessons shared by link (self-study). */
export const lessonEndpoints = {
  listLessons: {
    method: 'GET',
    path: '/api/lessons',
    caller: 'teacher',
    summary:
      "The teacher's library: the built-in lessons and the teacher's own, archived ones included.",
    responses: { 200: lessonLibrarySchema },
  },
  createLesson: {
    method: 'POST',
    path: '/api/lessons',
    caller: 'teacher',
    summary: 'Creates a lesson of this teacher from a draft (any JSON up to 1 MB), unpublished.',
    body: createLessonRequestSchema,
    responses: { 201: lessonDetailSchema },
  },
  importLesson: {
    method: 'POST',
    path: '/api/lessons/import',
    caller: 'teacher',
    summary:
      "Imports a lesson file into the teacher's library as a new lesson, published as its version 1; 422 lesson_invalid lists every problem with its field path and line; 413 payload_too_large over 1 MB.",
    body: importLessonRequestSchema,
    responses: { 201: lessonDetailSchema },
  },
  draftLessonFromArticle: {
    method: 'POST',
    path: '/api/lessons/drafts',
    caller: 'teacher',
    summary:
      "Drafts a lesson from an article (a web address the server fetches, an uploaded page, or text) as this teacher's new unpublished lesson, every drafted part marked `drafted`; 422 url_refused, 502 fetch_failed, 413 too_large, 422 not_an_article, 422 unsupported_language (with the language and the text), each with its field.",
    body: draftFromArticleRequestSchema,
    responses: { 201: lessonDetailSchema },
  },
  getLesson: {
    method: 'GET',
    path: '/api/lessons/:lessonId',
    caller: 'teacher',
    summary:
      "A lesson of the library with its draft and newest version; 404 lesson_not_found for another teacher's lesson.",
    params: lessonParams,
    responses: { 200: lessonDetailSchema },
  },
  saveLessonDraft: {
    method: 'PUT',
    path: '/api/lessons/:lessonId/draft',
    caller: 'teacher',
    summary:
      'Saves the draft as typed (valid or not); 409 draft_conflict when a newer draft was saved elsewhere; 403 lesson_read_only for a built-in lesson.',
    params: lessonParams,
    body: saveDraftRequestSchema,
    responses: { 200: saveDraftResponseSchema },
  },
  publishLesson: {
    method: 'POST',
    path: '/api/lessons/:lessonId/publish',
    caller: 'teacher',
    summary:
      'Publishes the draft as a new version, which never changes again; 422 lesson_invalid lists its problems.',
    params: lessonParams,
    responses: { 200: lessonDetailSchema },
  },
  duplicateLesson: {
    method: 'POST',
    path: '/api/lessons/:lessonId/duplicate',
    caller: 'teacher',
    summary: "A copy of a lesson (its draft, or its newest version) as this teacher's new draft.",
    params: lessonParams,
    responses: { 201: lessonDetailSchema },
  },
  archiveLesson: {
    method: 'POST',
    path: '/api/lessons/:lessonId/archive',
    caller: 'teacher',
    summary: 'Archives a lesson (hidden from new sessions, kept for reports) or brings it back.',
    params: lessonParams,
    body: archiveLessonRequestSchema,
    responses: { 200: lessonSummarySchema },
  },
  shareLesson: {
    method: 'POST',
    path: '/api/lessons/:lessonId/share',
    caller: 'teacher',
    summary:
      'Gives the lesson an unguessable self-study link, or withdraws it (the old link then answers 404).',
    params: lessonParams,
    body: shareLessonRequestSchema,
    responses: { 200: lessonSummarySchema },
  },
  deleteLesson: {
    method: 'DELETE',
    path: '/api/lessons/:lessonId',
    caller: 'teacher',
    summary:
      'Deletes a lesson; one that sessions used is deleted with its sessions only when `sessions` confirms how many, else 409 lesson_has_sessions.',
    params: lessonParams,
    query: deleteLessonQuerySchema,
    responses: { 204: null },
  },
  lessonFile: {
    method: 'GET',
    path: '/api/lessons/:lessonId/file',
    caller: 'teacher',
    summary:
      'A published version as an open lesson file (docs/lesson-format.md), as an attachment; 409 lesson_not_published before the first version.',
    params: lessonParams,
    query: lessonFileQuerySchema,
    responses: { 200: { contentType: 'application/json; charset=utf-8' } },
  },
  sharedLesson: {
    method: 'GET',
    path: '/api/shared-lessons/:shareKey',
    caller: 'anyone',
    summary:
      'The newest published version of a lesson shared by link (built-in lessons are shared by their id), for self-study, without its answer keys; 404 lesson_not_found.',
    params: z.object({ shareKey: id }),
    responses: { 200: studentLessonVersionSchema },
  },
  sharedLessonAnswerKey: {
    method: 'GET',
    path: '/api/shared-lessons/:shareKey/versions/:versionId/keys/:itemId',
    caller: 'anyone',
    summary:
      "One item's answer key (a claim check's sorting, a forecast's outcomes, a writing task's model answer) in a version of a lesson shared by link, which self-study asks for once the student has done the item; 404 lesson_not_found, 404 item_not_found for an item without a key.",
    params: z.object({ shareKey: id, versionId: z.uuid(), itemId: id }),
    responses: { 200: itemAnswerKeySchema },
  },
} as const satisfies Readonly<Record<string, EndpointContract>>;

import type { FastifyPluginCallback, FastifyReply } from 'fastify';
import { exportLessonFile } from '#domain/lesson/lesson-file';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';
import { answerKeyOf } from '#domain/lesson/answer-keys';
import { ApiError } from '../lib/api-error';
import { toStudentLessonVersion, type PinnedLesson } from '../lessons/pinned-lesson';

/** A file's body in JSON can be larger than the file: quotes and line ends are escaped. */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;
const DRAFT_BODY_LIMIT = 2 * 1024 * 1024;
/** An article's page or text of up to ARTICLE_MAX_BYTES, escaped in JSON. */
const ARTICLE_BODY_LIMIT = 12 * 1024 * 1024;

function sendLessonFile(reply: FastifyReply, pinned: PinnedLesson) {
  // Content ids are [a-z0-9-] (lesson-schema.ts), so the name is safe in a header.
  const name = `${pinned.lesson.id}-v${pinned.version}.lesson.json`;
  return reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(exportLessonFile(pinned.lesson));
}

/** Under /api/lessons: a teacher's library of lessons, drafts, versions, files and links. */
export const lessonRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { lessons, hub, limiters } = app;

  addRoute(app, endpoints.listLessons, async ({ caller }) => ({
    lessons: await lessons.list(caller.teacher.id),
  }));

  addRoute(
    app,
    endpoints.createLesson,
    async ({ body, caller }, _request, reply) => {
      limiters.storedLessons.take(caller.teacher.id);
      reply.status(201);
      return lessons.create(caller.teacher.id, body.draft);
    },
    { bodyLimit: DRAFT_BODY_LIMIT },
  );

  addRoute(
    app,
    endpoints.importLesson,
    async ({ body, caller }, _request, reply) => {
      limiters.storedLessons.take(caller.teacher.id);
      const detail = await lessons.importFile(caller.teacher.id, body.file);
      reply.status(201);
      return detail;
    },
    { bodyLimit: IMPORT_BODY_LIMIT },
  );

  addRoute(
    app,
    endpoints.draftLessonFromArticle,
    async ({ body, caller }, _request, reply) => {
      limiters.articleDrafts.take(caller.teacher.id);
      limiters.storedLessons.take(caller.teacher.id);
      const detail = await app.services.articleDrafts.draft(caller.teacher.id, body);
      reply.status(201);
      return detail;
    },
    { bodyLimit: ARTICLE_BODY_LIMIT },
  );

  addRoute(app, endpoints.getLesson, ({ params, caller }) =>
    lessons.detail(caller.teacher.id, params.lessonId),
  );

  addRoute(
    app,
    endpoints.saveLessonDraft,
    ({ params, body, caller }) => {
      limiters.draftSaves.take(caller.teacher.id);
      return lessons.saveDraft(
        caller.teacher.id,
        params.lessonId,
        body.draft,
        body.basedOn ?? null,
      );
    },
    { bodyLimit: DRAFT_BODY_LIMIT },
  );

  addRoute(app, endpoints.publishLesson, ({ params, caller }) => {
    limiters.storedLessons.take(caller.teacher.id);
    return lessons.publish(caller.teacher.id, params.lessonId);
  });

  addRoute(app, endpoints.duplicateLesson, async ({ params, caller }, _request, reply) => {
    limiters.storedLessons.take(caller.teacher.id);
    const detail = await lessons.duplicate(caller.teacher.id, params.lessonId);
    reply.status(201);
    return detail;
  });

  addRoute(app, endpoints.archiveLesson, ({ params, body, caller }) =>
    lessons.setArchived(caller.teacher.id, params.lessonId, body.archived),
  );

  addRoute(app, endpoints.shareLesson, ({ params, body, caller }) =>
    lessons.setShared(caller.teacher.id, params.lessonId, body.shared),
  );

  addRoute(app, endpoints.deleteLesson, async ({ params, query, caller }) => {
    const deletedSessions = await lessons.delete(
      caller.teacher.id,
      params.lessonId,
      query.sessions,
    );
    for (const sessionId of deletedSessions) hub.endSessionStreams(sessionId);
    return undefined;
  });

  addRoute(app, endpoints.lessonFile, async ({ params, query, caller }, _request, reply) =>
    sendLessonFile(reply, await lessons.file(caller.teacher.id, params.lessonId, query.version)),
  );
  done();
};

/** Under /api/shared-lessons: a lesson shared by link, for self-study without an account. */
export const sharedLessonRoutes: FastifyPluginCallback = (app, _options, done) => {
  addRoute(app, endpoints.sharedLesson, async ({ params }, _request, reply) => {
    // The service worker keeps the copy for offline use; the network is always asked first.
    reply.header('cache-control', 'no-cache');
    return toStudentLessonVersion(await app.lessons.shared(params.shareKey));
  });
  addRoute(app, endpoints.sharedLessonAnswerKey, async ({ params }, _request, reply) => {
    const { lesson } = await app.lessons.sharedVersion(params.shareKey, params.versionId);
    const key = answerKeyOf(lesson, params.itemId);
    if (!key) {
      throw new ApiError(
        404,
        'item_not_found',
        `This lesson has no item "${params.itemId}" with an answer key.`,
        'itemId',
      );
    }
    // As with the lesson: the service worker keeps it, so a done item's key shows offline too.
    reply.header('cache-control', 'no-cache');
    return key;
  });
  done();
};

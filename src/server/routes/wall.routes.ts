import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { extractThemes } from '#domain/reports/themes';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { joinUrlFor } from '../lib/join-url';
import { findItem, findSection } from '../lessons/lesson-items';
import { buildTeacherView, toTeacherWallResponses } from '../live/session-views';
import { WallKeys } from '../live/wall-keys';
import { listSessionAnswers, moderateAnswer } from '../repositories/answers.repository';
import { setWallIdentity } from '../repositories/class-sessions.repository';
import { listSessionReplies } from '../repositories/wall-replies.repository';

/** Under /api/sessions: the response wall as its teacher moderates it, and its themes. */
export const wallRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, config } = app;
  const wallKeys = new WallKeys(config.cookieSecret);

  addRoute(app, endpoints.wallResponses, async ({ query, caller: { session, lesson } }) => {
    const needle = query.q?.trim().toLocaleLowerCase();
    const [answers, replies, wall] = await Promise.all([
      listSessionAnswers(db, session.id),
      listSessionReplies(db, session.id),
      wallKeys.forSession(db, session),
    ]);
    const responses = toTeacherWallResponses(lesson, answers, replies, wall)
      .filter((r) => !query.itemId || r.itemId === query.itemId)
      .filter(
        (r) =>
          !needle ||
          r.text.toLocaleLowerCase().includes(needle) ||
          r.label?.toLocaleLowerCase().includes(needle),
      );
    return { responses, wallIdentity: session.wallIdentity };
  });

  addRoute(app, endpoints.moderateResponse, async ({ params, body, caller }) => {
    const { session, lesson } = caller;
    const { participantId, itemId } = params;
    if (findItem(lesson, itemId)?.item.kind !== 'prompt') {
      throw new ApiError(
        404,
        'item_not_found',
        `"${itemId}" is not a discussion prompt of this lesson.`,
      );
    }
    if (!(await moderateAnswer(db, session.id, participantId, itemId, body))) {
      throw new ApiError(404, 'not_found', 'That student has not answered this prompt.');
    }
    await hub.publish(session.id, { to: 'everyone' }, { type: 'wall.changed', itemId });
    const [answers, replies, wall] = await Promise.all([
      listSessionAnswers(db, session.id, { participantId }),
      listSessionReplies(db, session.id),
      wallKeys.forSession(db, session),
    ]);
    const response = toTeacherWallResponses(lesson, answers, replies, wall).find(
      (r) => r.itemId === itemId,
    );
    if (!response) throw new ApiError(404, 'not_found', 'That response is gone.');
    return response;
  });

  addRoute(app, endpoints.sessionSettings, async ({ body: { wallIdentity }, caller }, request) => {
    const { session, lesson } = caller;
    await setWallIdentity(db, session.id, wallIdentity);
    await hub.publish(session.id, { to: 'everyone' }, { type: 'wall.changed', itemId: null });
    return buildTeacherView(
      db,
      lesson,
      { ...session, wallIdentity },
      joinUrlFor(config, request, session.joinCode),
    );
  });

  addRoute(app, endpoints.themes, async ({ query: { sectionId }, caller: { session, lesson } }) => {
    const section = findSection(lesson, sectionId);
    if (!section) {
      throw new ApiError(
        404,
        'section_not_found',
        `This lesson has no section "${sectionId}".`,
        'sectionId',
      );
    }
    const promptIds = new Set(section.items.filter((i) => i.kind === 'prompt').map((i) => i.id));
    const texts = (await listSessionAnswers(db, session.id)).flatMap((a) =>
      promptIds.has(a.itemId) && a.answer.kind === 'prompt' && !a.isHidden ? [a.answer.text] : [],
    );
    return { sectionId, responseCount: texts.length, themes: extractThemes(texts) };
  });
  done();
};

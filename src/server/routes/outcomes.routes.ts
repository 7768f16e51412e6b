import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { ApiError } from '../lib/api-error';
import { addRoute } from '../lib/contract-route';
import { joinUrlFor } from '../lib/join-url';
import { findItem } from '../lessons/lesson-items';
import { buildTeacherView } from '../live/session-views';
import { saveForecastOutcomes } from '../repositories/class-sessions.repository';

/** Under /api/sessions: the teacher reveals what happened, and forecasts are scored. */
export const outcomesRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub, config } = app;

  addRoute(app, endpoints.revealOutcomes, async ({ body, caller }, request) => {
    const { session, lesson } = caller;
    const { itemId, outcomes } = body;
    const item = findItem(lesson, itemId)?.item;
    if (item?.kind !== 'forecast') {
      throw new ApiError(
        404,
        'item_not_found',
        `"${itemId}" is not a forecast of this lesson.`,
        'itemId',
      );
    }
    const missing = item.scenarios.filter((s) => !(s.id in outcomes)).map((s) => s.id);
    const unknown = Object.keys(outcomes).filter((id) => !item.scenarios.some((s) => s.id === id));
    if (missing.length > 0 || unknown.length > 0) {
      throw new ApiError(
        400,
        'invalid_input',
        missing.length > 0
          ? `outcomes: give an outcome for every scenario (missing: ${missing.join(', ')})`
          : `outcomes: this forecast has no scenario ${unknown.join(', ')}`,
        'outcomes',
      );
    }
    await saveForecastOutcomes(db, session.id, itemId, outcomes);
    await hub.publish(session.id, { to: 'everyone' }, { type: 'outcomes.revealed', itemId });
    return buildTeacherView(db, lesson, session, joinUrlFor(config, request, session.joinCode));
  });
  done();
};

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatAnswerText } from '../../domain/lesson/format-answer';
import { getItemQuestion } from '../../domain/lesson/item-question';
import type { Lesson } from '../../domain/lesson/lesson-schema';
import {
  moderateResponseRequestSchema,
  revealOutcomesRequestSchema,
  sessionSettingsRequestSchema,
  type SessionReport,
  type StudentTranscript,
  type ThemesResponse,
  type TeacherWallResponse,
  type WallResponsesResponse,
} from '../../domain/live/dashboard-contracts';
import { toCsv } from '../../domain/reports/csv';
import { extractThemes } from '../../domain/reports/themes';
import { joinUrlFor, type AppDeps } from '../app-deps';
import { ApiError, parseInput } from '../lib/api-error';
import { findItem, findSection } from '../lessons/lesson-catalog';
import {
  buildProjectorView,
  buildTeacherView,
  classForecastScores,
  toTeacherWallResponses,
} from '../live/session-views';
import { ResponseIds } from '../live/response-ids';
import { listSessionAnswers, moderateAnswer } from '../repositories/answers.repository';
import {
  deleteClassSession,
  listSummaries,
  saveForecastOutcomes,
  setShowNames,
  type ClassSessionRecord,
} from '../repositories/class-sessions.repository';
import { listParticipants, participantLabel } from '../repositories/participants.repository';

const sessionParams = z.object({ id: z.string().max(64) });
const responseParams = sessionParams.extend({
  participantId: z.uuid('participantId must be a student id'),
  itemId: z.string().max(64),
});
const transcriptParams = sessionParams.extend({
  participantId: z.uuid('participantId must be a student id'),
});
const responsesQuery = z.object({
  itemId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
});
const themesQuery = z.object({ sectionId: z.string().min(1).max(64) });

/** The teacher dashboard: response wall, themes, forecast outcomes, reports, export, deletion. */
export function registerDashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  const { db, hub, auth, lessons } = deps;
  const responseIds = new ResponseIds(deps.config.cookieSecret);

  async function ownedSession(
    request: FastifyRequest,
  ): Promise<{ session: ClassSessionRecord; lesson: Lesson }> {
    const { id } = parseInput(sessionParams, request.params, 'path');
    const { session } = await auth.requireOwnedSession(request, id);
    const lesson = lessons.find(session.lessonId);
    if (!lesson)
      throw new ApiError(
        404,
        'lesson_not_found',
        `Lesson ${session.lessonId} is no longer available.`,
      );
    return { session, lesson };
  }

  app.delete('/api/sessions/:id', async (request, reply) => {
    const { session } = await ownedSession(request);
    await deleteClassSession(db, session.id);
    hub.endSessionStreams(session.id);
    return reply.status(204).send();
  });

  app.get('/api/sessions/:id/responses', async (request): Promise<WallResponsesResponse> => {
    const { session, lesson } = await ownedSession(request);
    const { itemId, q } = parseInput(responsesQuery, request.query, 'query');
    const needle = q?.trim().toLocaleLowerCase();
    const responses = toTeacherWallResponses(
      lesson,
      await listSessionAnswers(db, session.id),
      responseIds.forSession(session.id),
    )
      .filter((r) => !itemId || r.itemId === itemId)
      .filter(
        (r) =>
          !needle ||
          r.text.toLocaleLowerCase().includes(needle) ||
          r.label?.toLocaleLowerCase().includes(needle),
      );
    return { responses, showNames: session.showNames };
  });

  app.post(
    '/api/sessions/:id/responses/:participantId/:itemId',
    async (request): Promise<TeacherWallResponse> => {
      const { session, lesson } = await ownedSession(request);
      const { participantId, itemId } = parseInput(responseParams, request.params, 'path');
      const change = parseInput(moderateResponseRequestSchema, request.body);
      if (findItem(lesson, itemId)?.item.kind !== 'prompt') {
        throw new ApiError(
          404,
          'item_not_found',
          `"${itemId}" is not a discussion prompt of this lesson.`,
        );
      }
      if (!(await moderateAnswer(db, session.id, participantId, itemId, change))) {
        throw new ApiError(404, 'not_found', 'That student has not answered this prompt.');
      }
      await hub.publish(session.id, { to: 'everyone' }, { type: 'wall.changed', itemId });
      const answers = await listSessionAnswers(db, session.id, { participantId });
      const response = toTeacherWallResponses(
        lesson,
        answers,
        responseIds.forSession(session.id),
      ).find((r) => r.itemId === itemId);
      if (!response) throw new ApiError(404, 'not_found', 'That response is gone.');
      return response;
    },
  );

  app.post('/api/sessions/:id/settings', async (request) => {
    const { session, lesson } = await ownedSession(request);
    const { showNames } = parseInput(sessionSettingsRequestSchema, request.body);
    await setShowNames(db, session.id, showNames);
    await hub.publish(session.id, { to: 'everyone' }, { type: 'wall.changed', itemId: null });
    return buildTeacherView(
      db,
      lesson,
      { ...session, showNames },
      joinUrlFor(deps, request, session.joinCode),
    );
  });

  app.get('/api/sessions/:id/themes', async (request): Promise<ThemesResponse> => {
    const { session, lesson } = await ownedSession(request);
    const { sectionId } = parseInput(themesQuery, request.query, 'query');
    const section = findSection(lesson, sectionId);
    if (!section)
      throw new ApiError(
        404,
        'section_not_found',
        `This lesson has no section "${sectionId}".`,
        'sectionId',
      );
    const promptIds = new Set(section.items.filter((i) => i.kind === 'prompt').map((i) => i.id));
    const texts = (await listSessionAnswers(db, session.id)).flatMap((a) =>
      promptIds.has(a.itemId) && a.answer.kind === 'prompt' && !a.isHidden ? [a.answer.text] : [],
    );
    return { sectionId, responseCount: texts.length, themes: extractThemes(texts) };
  });

  app.post('/api/sessions/:id/outcomes', async (request) => {
    const { session, lesson } = await ownedSession(request);
    const { itemId, outcomes } = parseInput(revealOutcomesRequestSchema, request.body);
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
    return buildTeacherView(db, lesson, session, joinUrlFor(deps, request, session.joinCode));
  });

  app.get('/api/sessions/:id/projector', async (request) => {
    const { session, lesson } = await ownedSession(request);
    return buildProjectorView(
      db,
      lesson,
      session,
      joinUrlFor(deps, request, session.joinCode),
      responseIds.forSession(session.id),
    );
  });

  app.get('/api/sessions/:id/report', async (request): Promise<SessionReport> => {
    const { session, lesson } = await ownedSession(request);
    const [participants, summaries, answers] = await Promise.all([
      listParticipants(db, session.id),
      listSummaries(db, session.id),
      listSessionAnswers(db, session.id),
    ]);
    const answeredByItem = new Map<string, number>();
    const answeredByParticipant = new Map<string, number>();
    for (const a of answers) {
      answeredByItem.set(a.itemId, (answeredByItem.get(a.itemId) ?? 0) + 1);
      answeredByParticipant.set(
        a.participantId,
        (answeredByParticipant.get(a.participantId) ?? 0) + 1,
      );
    }
    return {
      sessionId: session.id,
      lessonId: lesson.id,
      lessonTitle: lesson.metadata.title,
      participants: participants.map((p) => ({
        id: p.id,
        label: p.label,
        joinedAt: p.joinedAt,
        answers: answeredByParticipant.get(p.id) ?? 0,
      })),
      sections: lesson.sections.map((section) => ({
        sectionId: section.id,
        items: section.items.map((item) => ({
          itemId: item.id,
          answered: answeredByItem.get(item.id) ?? 0,
        })),
        summary: summaries.find((s) => s.sectionId === section.id)?.text ?? null,
      })),
      responses: toTeacherWallResponses(lesson, answers, responseIds.forSession(session.id)),
      forecastScores: await classForecastScores(db, lesson, session.id, answers),
    };
  });

  app.get(
    '/api/sessions/:id/participants/:participantId/transcript',
    async (request): Promise<StudentTranscript> => {
      const { session } = await ownedSession(request);
      const { participantId } = parseInput(transcriptParams, request.params, 'path');
      const participant = (await listParticipants(db, session.id)).find(
        (p) => p.id === participantId,
      );
      if (!participant)
        throw new ApiError(404, 'not_found', 'That student is not in this session.');
      const answers = await listSessionAnswers(db, session.id, { participantId });
      return {
        participant: {
          id: participant.id,
          label: participant.label,
          joinedAt: participant.joinedAt,
        },
        entries: answers.map((a) => ({
          itemId: a.itemId,
          answer: a.answer,
          updatedAt: a.updatedAt,
        })),
      };
    },
  );

  app.get('/api/sessions/:id/answers.csv', async (request, reply) => {
    const { session, lesson } = await ownedSession(request);
    const answers = await listSessionAnswers(db, session.id);
    const sectionIndex = new Map(lesson.sections.map((s, i) => [s.id, i]));
    const rows = answers.flatMap((a) => {
      const found = findItem(lesson, a.itemId);
      if (!found) return [];
      return [
        [
          participantLabel(a.displayName, a.nameNumber),
          (sectionIndex.get(found.section.id) ?? 0) + 1,
          found.section.title,
          a.itemId,
          found.item.kind,
          getItemQuestion(found.item),
          formatAnswerText(found.item, a.answer),
          a.updatedAt,
        ],
      ];
    });
    const csv = toCsv(
      [
        'student',
        'section',
        'section_title',
        'item_id',
        'item_kind',
        'question',
        'answer',
        'answered_at',
      ],
      rows,
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="session-${session.joinCode}-answers.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(csv);
  });
}

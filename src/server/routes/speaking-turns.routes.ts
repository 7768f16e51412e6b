import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { toCsv } from '#domain/reports/csv';
import { SPEAKING_TURNS_MAX, tallySpeakingTurns } from '#domain/live/speaking-turns';
import { ApiError } from '../lib/api-error';
import { addRoute, type OwnedSession } from '../lib/contract-route';
import { listParticipants } from '../repositories/participants.repository';
import {
  addSpeakingTurn,
  listSpeakingTurns,
  removeSpeakingTurn,
} from '../repositories/speaking-turns.repository';

function requireOpen({ session }: OwnedSession): void {
  if (session.status === 'ended') {
    throw new ApiError(
      409,
      'session_ended',
      'This session has ended; its turns can no longer change.',
    );
  }
}

/** Under /api/sessions: the teacher's tally of who speaks in a spoken discussion. */
export const speakingTurnRoutes: FastifyPluginCallback = (app, _options, done) => {
  const { db, hub } = app;

  const allTurns = async (sessionId: string) => ({ turns: await listSpeakingTurns(db, sessionId) });

  addRoute(app, endpoints.speakingTurns, ({ caller }) => allTurns(caller.session.id));

  addRoute(app, endpoints.addSpeakingTurn, async ({ body, caller }) => {
    requireOpen(caller);
    const { session } = caller;
    const added = await addSpeakingTurn(db, {
      sessionId: session.id,
      participantId: body.participantId,
      kind: body.kind,
      // A self-paced class is on no one section.
      sectionId: session.mode === 'teacher-paced' ? session.currentSectionId : null,
      max: SPEAKING_TURNS_MAX,
    });
    if (added === 'not-in-session') {
      throw new ApiError(404, 'not_found', 'That student is not in this session.', 'participantId');
    }
    if (added === 'full') {
      throw new ApiError(
        409,
        'invalid_input',
        `This session already holds ${SPEAKING_TURNS_MAX} speaking turns, the most it keeps.`,
      );
    }
    await hub.publish(session.id, { to: 'teacher' }, { type: 'turns.changed' });
    return allTurns(session.id);
  });

  addRoute(app, endpoints.removeSpeakingTurn, async ({ params, caller }) => {
    requireOpen(caller);
    if (!(await removeSpeakingTurn(db, caller.session.id, params.turnId))) {
      throw new ApiError(404, 'not_found', 'This session has no such turn.', 'turnId');
    }
    await hub.publish(caller.session.id, { to: 'teacher' }, { type: 'turns.changed' });
    return allTurns(caller.session.id);
  });

  addRoute(app, endpoints.speakingCsv, async ({ caller: { session } }, _request, reply) => {
    const [participants, turns] = await Promise.all([
      listParticipants(db, session.id),
      listSpeakingTurns(db, session.id),
    ]);
    const tally = tallySpeakingTurns(
      participants.map((p) => p.id),
      turns,
    );
    const labels = new Map(participants.map((p) => [p.id, p.label]));
    const csv = toCsv(
      [
        'student',
        'turns',
        'share_percent',
        'new_idea',
        'builds_on',
        'challenges',
        'question',
        'unmarked',
      ],
      tally.speakers.map((s) => [
        labels.get(s.participantId),
        s.turns,
        Math.round(s.share * 100),
        s.byKind['new-idea'],
        s.byKind['builds-on'],
        s.byKind.challenges,
        s.byKind.question,
        s.unmarked,
      ]),
    );
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="session-${session.joinCode}-speaking.csv"`,
      )
      .header('cache-control', 'no-store')
      .send(csv);
  });
  done();
};

import type { FastifyPluginCallback } from 'fastify';
import { endpoints } from '#domain/api/endpoints';
import { addRoute } from './contract-route';
import type { Viewer } from '../live/session-streams';
import {
  STREAMS_PER_PARTICIPANT,
  STREAMS_PER_TEACHER,
  teacherStreamKey,
  type StreamOwner,
} from '../live/stream-limits';
import { SECURITY_HEADERS } from '../plugins/security-headers';

/** Event ids are bigserial: a longer or unsafe number is no id of ours, so no replay. */
const MAX_EVENT_ID_DIGITS = 15;
/** Sent before a stream replaced by a newer one of the same owner is closed. */
const REPLACED_RETRY_MS = 60_000;

function parseLastEventId(header: string | string[] | undefined): number | null {
  if (typeof header !== 'string' || !/^\d+$/.test(header)) return null;
  if (header.length > MAX_EVENT_ID_DIGITS) return null;
  return Number(header);
}

/** Under /api/sessions: one server-sent event stream per client, the teacher's or a student's. */
export const eventRoutes: FastifyPluginCallback = (app, _options, done) => {
  const deps = app;

  addRoute(app, endpoints.events, async ({ params: { id } }, request, reply) => {
    const teacher = await deps.auth.findTeacher(request);
    let viewer: Viewer;
    let owner: StreamOwner;
    if (teacher) {
      await deps.auth.requireOwnedSession(request, id);
      viewer = { role: 'teacher' };
      owner = { key: teacherStreamKey(teacher.id), cap: STREAMS_PER_TEACHER };
    } else {
      const { participant } = await deps.auth.requireParticipant(request, id);
      viewer = { role: 'participant', participantId: participant.id };
      owner = { key: `participant:${participant.id}`, cap: STREAMS_PER_PARTICIPANT };
    }
    const lastEventId = parseLastEventId(request.headers['last-event-id']);

    const res = reply.raw;
    // Refused here (429) while the reply is still plain JSON; admitted, it becomes a stream.
    const release = deps.streams.admit(owner, request.ip, () => {
      // The replaced stream's browser tab waits a minute before reconnecting, so a student with
      // more tabs than the cap does not make them take turns every two seconds.
      if (!res.writableEnded) res.end(`retry: ${REPLACED_RETRY_MS}\n\n`);
    });
    reply.hijack();
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    let unsubscribe: (() => void) | null = null;
    const stream = { isClosed: false };
    const onClosed = () => {
      stream.isClosed = true;
      release();
      unsubscribe?.();
    };
    request.raw.on('close', onClosed);
    res.on('close', onClosed);
    try {
      unsubscribe = await deps.hub.subscribe(
        id,
        viewer,
        {
          write: (chunk) => {
            if (!res.writableEnded) res.write(chunk);
          },
          end: () => {
            if (!res.writableEnded) res.end();
          },
        },
        lastEventId,
      );
      if (stream.isClosed) unsubscribe();
    } catch (error) {
      // The response is already a stream: end it; the client reconnects and refetches.
      request.log.error({ err: error }, 'could not open an event stream');
      if (!res.writableEnded) res.end();
    }
    return reply;
  });
  done();
};

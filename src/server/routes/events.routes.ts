import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { parseInput } from '../lib/api-error';
import type { Viewer } from '../live/live-hub';

const sessionParams = z.object({ id: z.string().max(64) });

export function registerEventRoutes(app: FastifyInstance, deps: AppDeps) {
  /** One server-sent event stream per client: the teacher's, or a student's. */
  app.get('/api/sessions/:id/events', async (request, reply) => {
    const { id } = parseInput(sessionParams, request.params, 'path');
    const teacher = await deps.auth.findTeacher(request);
    let viewer: Viewer;
    if (teacher) {
      await deps.auth.requireOwnedSession(request, id);
      viewer = { role: 'teacher' };
    } else {
      const { participant } = await deps.auth.requireParticipant(request, id);
      viewer = { role: 'participant', participantId: participant.id };
    }
    const header = request.headers['last-event-id'];
    const lastEventId = typeof header === 'string' && /^\d+$/.test(header) ? Number(header) : null;

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    let unsubscribe: (() => void) | null = null;
    const stream = { isClosed: false };
    request.raw.on('close', () => {
      stream.isClosed = true;
      unsubscribe?.();
    });
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
  });
}

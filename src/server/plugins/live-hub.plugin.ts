import fp from 'fastify-plugin';
import { LiveHub } from '../live/live-hub';
import { StreamLimits } from '../live/stream-limits';

declare module 'fastify' {
  interface FastifyInstance {
    /** Stores session events and fans them out to the event streams. */
    readonly hub: LiveHub;
    /** How many event streams one student, teacher or address may hold open. */
    readonly streams: StreamLimits;
  }
}

export const liveHubPlugin = fp(
  async (app) => {
    const hub = new LiveHub(app.db, app.log);
    await hub.start();
    app.decorate('hub', hub);
    app.decorate('streams', new StreamLimits(app.config.streamsPerAddress));
    // preClose, not onClose: Fastify waits for open connections before onClose, and an event
    // stream stays open until ended, so a server with a monitor page open never stopped.
    app.addHook('preClose', async () => {
      await hub.close();
    });
  },
  { name: 'live-hub', dependencies: ['config', 'db'] },
);

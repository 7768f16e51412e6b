import fp from 'fastify-plugin';
import { logSweep, sweep, type SweepReport } from '../services/housekeeping';

declare module 'fastify' {
  interface FastifyInstance {
    /** The periodic sweep of retention, idle sessions and expired sign-ins (services/housekeeping.ts). */
    readonly housekeeping: {
      /** Sweeps now (or as of `now`, for tests); sweeps never overlap within one instance. */
      sweep(now?: Date): Promise<SweepReport>;
    };
  }
}

/**
 * Sweeps every HOUSEKEEPING_INTERVAL_SECONDS, and once at start so a server restarted often
 * still sweeps. A failed sweep is logged and tried again at the next interval.
 */
export const housekeepingPlugin = fp(
  (app, _options, done) => {
    let running: Promise<unknown> = Promise.resolve();
    const sweepOnce = (now: Date = new Date()): Promise<SweepReport> => {
      const next = running.then(() => sweep(app, now));
      running = next.catch(() => undefined);
      return next;
    };
    const sweepInBackground = () => {
      sweepOnce().then(
        (report) => {
          logSweep(app.log, report);
        },
        (error: unknown) => {
          app.log.error({ err: error }, 'housekeeping failed');
        },
      );
    };

    app.decorate('housekeeping', { sweep: sweepOnce });
    let timer: NodeJS.Timeout | null = null;
    app.addHook('onReady', (ready) => {
      sweepInBackground();
      timer = setInterval(sweepInBackground, app.config.housekeepingIntervalSeconds * 1000);
      timer.unref();
      ready();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await running;
    });
    done();
  },
  { name: 'housekeeping', dependencies: ['config', 'db', 'live-hub'] },
);

import fp from 'fastify-plugin';

/** How often the outbox is looked at for grades due (a new grade is sent at once anyway). */
const SEND_INTERVAL_MS = 15_000;
/** How often grades waiting for marks are worked out again (a forecast's outcome day passing). */
const REGRADE_INTERVAL_MS = 10 * 60_000;

/**
 * The worker that sends grades back to LMSs (services/lti-grades.ts): every SEND_INTERVAL_MS
 * it sends what is due, retries included, and every REGRADE_INTERVAL_MS works out again the
 * grades waiting for marks; it stops with the app, after the round under way.
 */
export const ltiGradesPlugin = fp(
  (app, _options, done) => {
    const { ltiGrades } = app.services;
    const timers: NodeJS.Timeout[] = [];
    const sendInBackground = () => {
      ltiGrades.sendDue().catch((error: unknown) => {
        app.log.error({ err: error }, 'LTI grades could not be sent');
      });
    };
    const regradeInBackground = () => {
      ltiGrades.regradeAwaitingMarks().catch((error: unknown) => {
        app.log.error({ err: error }, 'LTI grades waiting for marks could not be worked out');
      });
    };
    app.addHook('onReady', (ready) => {
      sendInBackground();
      timers.push(setInterval(sendInBackground, SEND_INTERVAL_MS));
      timers.push(setInterval(regradeInBackground, REGRADE_INTERVAL_MS));
      for (const timer of timers) timer.unref();
      ready();
    });
    app.addHook('onClose', async () => {
      for (const timer of timers) clearInterval(timer);
      await ltiGrades.close();
    });
    done();
  },
  { name: 'lti-grades' },
);

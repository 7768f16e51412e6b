import fp from 'fastify-plugin';

/** How often the outbox is looked at for grades due (a new grade is sent at once anyway). */
const SEND_INTERVAL_MS = 15_000;

/**
 * The worker that sends grades back to LMSs (services/lti-grades.ts): every SEND_INTERVAL_MS
 * it sends what is due, retries included; it stops with the app, after the round under way.
 */
export const ltiGradesPlugin = fp(
  (app, _options, done) => {
    const { ltiGrades } = app.services;
    let timer: NodeJS.Timeout | null = null;
    const sendInBackground = () => {
      ltiGrades.sendDue().catch((error: unknown) => {
        app.log.error({ err: error }, 'LTI grades could not be sent');
      });
    };
    app.addHook('onReady', (ready) => {
      sendInBackground();
      timer = setInterval(sendInBackground, SEND_INTERVAL_MS);
      timer.unref();
      ready();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
      await ltiGrades.close();
    });
    done();
  },
  { name: 'lti-grades' },
);

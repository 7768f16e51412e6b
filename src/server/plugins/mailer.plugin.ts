import fp from 'fastify-plugin';
import { createMailer, type Mailer } from '../lib/mailer';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sends password-reset e-mails; null when SMTP is not configured. */
    readonly mailer: Mailer | null;
  }
}

export const mailerPlugin = fp(
  (app, _options, done) => {
    const mailer = createMailer(app.config);
    app.decorate('mailer', mailer);
    app.addHook('onClose', (_app, closed) => {
      mailer?.close();
      closed();
    });
    done();
  },
  { name: 'mailer', dependencies: ['config'] },
);

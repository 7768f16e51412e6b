import nodemailer from 'nodemailer';
import type { ServerConfig } from '../config';

export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** An SMTP sender when SMTP_URL is set; null when this server sends no e-mail. */
export function createMailer(config: Pick<ServerConfig, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  const { smtpUrl, mailFrom } = config;
  if (!smtpUrl || !mailFrom) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from: mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    },
    close() {
      transport.close();
    },
  };
}

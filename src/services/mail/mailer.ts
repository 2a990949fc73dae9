/**
 * Sending e-mail over SMTP (nodemailer). The SMTP URL holds a password: it is never logged, and
 * errors are reduced to their message and SMTP response code.
 */
import nodemailer from 'nodemailer';
import type { MailSettings } from '../../config.ts';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  /** Sends one message; rejects when the server refuses it or cannot be reached. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A mailer over the configured SMTP server. */
export function createSmtpMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport(settings.smtpUrl, { from: settings.from });
  return {
    async send(message) {
      await transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    },
    close: () => transport.close(),
  };
}

/** A short, password-free description of a sending failure, for the notification row and the log. */
export function describeMailError(error: unknown): string {
  const e = error as { message?: unknown; responseCode?: unknown; code?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : undefined,
    typeof e.responseCode === 'number' ? `SMTP ${e.responseCode}` : undefined,
    typeof e.message === 'string' ? e.message : String(error),
  ].filter(Boolean);
  // Connection errors can quote the URL they were given: never keep a password.
  return parts
    .join(': ')
    .replace(/\/\/[^@\s/]*@/g, '//***@')
    .slice(0, 500);
}

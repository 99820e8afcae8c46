/**
 * The mailer port: what the shop needs from an email provider. The one adapter speaks SMTP through
 * nodemailer; tests point it at an SMTP server they start themselves.
 */
import nodemailer from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** A stable Message-ID, so a duplicate (a retry after a lost reply) can be recognised downstream. */
  messageId: string;
}

export interface Mailer {
  /** Resolves once the SMTP server has accepted the message, with its message id. */
  send(email: OutgoingEmail): Promise<{ providerMessageId: string }>;
  close(): void;
}

export const DEFAULT_FROM = "Shopwright <orders@shopwright.test>";

export function createSmtpMailer(smtpUrl: string, options: { from?: string; timeoutMs?: number } = {}): Mailer {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const from = options.from ?? DEFAULT_FROM;
  return {
    async send(email) {
      const info = await transport.sendMail({ from, ...email });
      if (info.rejected.length > 0) throw new Error(`The SMTP server rejected ${info.rejected.join(", ")}`);
      // The server's reply ("250 OK: queued as …") names its id when it has one; else ours stands.
      return { providerMessageId: info.response?.match(/queued as (\S+)/i)?.[1] ?? info.messageId };
    },
    close: () => transport.close(),
  };
}

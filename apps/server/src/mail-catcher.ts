/**
 * The dev mail catcher: with no SMTP_URL, the shop sends its email to this SMTP server on loopback,
 * which keeps every message in `mailbox_messages` for the admin Mailbox.
 */
import type { AddressInfo } from "node:net";
import { storeCaughtEmail } from "@shopwright/api/server";
import type { Db } from "@shopwright/db";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { AppLogger } from "./logger.ts";

export interface MailCatcher {
  /** An SMTP_URL for the mailer. */
  readonly url: string;
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export async function startMailCatcher(options: { db: Db; logger: AppLogger; port?: number }): Promise<MailCatcher> {
  const { db, logger } = options;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "Shopwright dev mail catcher",
    size: MAX_MESSAGE_BYTES,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) =>
          storeCaughtEmail(db, {
            from: mail.from?.text ?? "",
            to: addresses(mail.to),
            subject: mail.subject ?? "",
            html: typeof mail.html === "string" ? mail.html : null,
            text: mail.text ?? null,
            messageId: mail.messageId ?? null,
          }),
        )
        .then((id) => {
          logger.info({ mailboxId: id }, "mail catcher stored a message");
          callback(null, `OK: queued as ${id}`);
        })
        .catch((error: Error) => {
          logger.error({ err: error }, "mail catcher could not store a message");
          callback(error);
        });
    },
  });
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", () => ready());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function addresses(to: AddressObject | AddressObject[] | undefined): string {
  if (!to) return "";
  return (Array.isArray(to) ? to : [to]).map((a) => a.text).join(", ");
}

/** An SMTP server that accepts every message and remembers who it was for and its Message-ID. */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface RecordedEmail {
  to: string[];
  messageId: string | undefined;
  subject: string | undefined;
}

const header = (raw: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(raw)?.[1]?.trim();

export async function startSmtpRecorder() {
  const emails: RecordedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
        emails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: header(headers, "Message-ID"),
          subject: header(headers, "Subject"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    emails,
    sentTo: (address: string) => emails.filter((e) => e.to.includes(address)).length,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A real SMTP server for tests: it parses what it accepts, and can hold a message before accepting. */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtpServer {
  readonly port: number;
  readonly url: string;
  /** Messages the server accepted (replied 250 to), in order. */
  readonly accepted: ParsedMail[];
  /**
   * Resolves when a message has been received in full and is being held before the reply, with
   * the sender's port (which tells the process that holds the connection).
   */
  held(): Promise<{ remotePort: number }>;
  waitForAccepted(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

/** `hold`: keep the first message's DATA phase open (no reply) — for killing a sender mid-send. */
export async function startTestSmtpServer(options: { port?: number; hold?: boolean } = {}): Promise<TestSmtpServer> {
  const accepted: ParsedMail[] = [];
  let holding = options.hold ?? false;
  let onHeld: (from: { remotePort: number }) => void = () => undefined;
  const heldPromise = new Promise<{ remotePort: number }>((resolve) => {
    onHeld = resolve;
  });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        if (holding) {
          holding = false;
          onHeld({ remotePort: session.remotePort });
          return; // never replies: the sender waits for a 250 that does not come
        }
        accepted.push(mail);
        callback(null, `OK: queued as test-${accepted.length}`);
      }, callback);
    },
  });
  await new Promise<void>((ready, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, "127.0.0.1", () => ready());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    held: () => heldPromise,
    async waitForAccepted(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} accepted messages, got ${accepted.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return accepted;
    },
    stop: () =>
      new Promise<void>((done) => {
        for (const connection of (server as unknown as { connections: Set<{ close(): void }> }).connections ?? []) {
          connection.close();
        }
        server.close(() => done());
      }),
  };
}

import type { Mailer, OutgoingEmail } from "../mailer.ts";

/** A mailer that records what it was asked to send, and fails while `down` is set. */
export function recordingMailer() {
  const sent: OutgoingEmail[] = [];
  const mailer: Mailer & { sent: OutgoingEmail[]; down: boolean } = {
    sent,
    down: false,
    async send(email) {
      if (mailer.down) throw new Error("connect ECONNREFUSED 127.0.0.1:2525");
      sent.push(email);
      return { providerMessageId: `provider-${sent.length}` };
    },
    close() {},
  };
  return mailer;
}

/**
 * The password-reset email: the link auth records, sent once per request (see send-once.ts). An
 * address with no account is told so instead, by the same path: the job does the same work and
 * logs the same lines either way, so neither says whether an account exists (and whoever owns
 * the address learns why they got no link).
 */
import { recordResetLink } from "../auth/password-reset.ts";
import type { DeliveryDeps } from "./order-confirmation-delivery.ts";
import { linkEmail } from "./render.ts";
import { type DeliveryResult, sendOnce } from "./send-once.ts";

export const PASSWORD_RESET_EMAIL = "password_reset";

const SUBJECT = "Reset your Shopwright password";

export async function sendPasswordResetEmail(
  deps: DeliveryDeps,
  payload: { email: string; seed: string; requestedAt: string },
): Promise<DeliveryResult> {
  const { ref, account } = await recordResetLink(deps.db, deps.config, payload);
  const email = account
    ? linkEmail({
        subject: SUBJECT,
        lines: [
          `Hello ${account.name},`,
          "Someone (we hope you) asked to reset the password of your Shopwright account.",
          "The link below works once, within an hour. If you did not ask, ignore this email: nothing changes.",
        ],
        action: { label: "Choose a new password", href: account.link },
      })
    : linkEmail({
        subject: SUBJECT,
        lines: [
          "Someone asked to reset the password of a Shopwright account with this email address, but there is no account with it.",
          "If it was you, perhaps your account uses another address. If you did not ask, ignore this email: nothing changes.",
        ],
        action: { label: "Go to the shop", href: deps.config.publicUrl },
      });
  return sendOnce(deps, { kind: PASSWORD_RESET_EMAIL, ref, to: payload.email, email });
}

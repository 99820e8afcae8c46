/** The password-reset email: the link auth records, sent once per link (see send-once.ts). */
import { recordResetLink } from "../auth/password-reset.ts";
import type { DeliveryDeps } from "./order-confirmation-delivery.ts";
import { linkEmail } from "./render.ts";
import { type DeliveryResult, sendOnce } from "./send-once.ts";

export const PASSWORD_RESET_EMAIL = "password_reset";

export async function sendPasswordResetEmail(
  deps: DeliveryDeps,
  payload: { email: string; seed: string; requestedAt: string },
): Promise<DeliveryResult | { status: "no_account" }> {
  const reset = await recordResetLink(deps.db, deps.config, payload);
  if (!reset) return { status: "no_account" };
  const email = linkEmail({
    subject: "Reset your Shopwright password",
    lines: [
      `Hello ${reset.name},`,
      "Someone (we hope you) asked to reset the password of your Shopwright account.",
      "The link below works once, within an hour. If you did not ask, ignore this email: nothing changes.",
    ],
    action: { label: "Choose a new password", href: reset.link },
  });
  return sendOnce(deps, { kind: PASSWORD_RESET_EMAIL, ref: reset.ref, to: payload.email, email });
}

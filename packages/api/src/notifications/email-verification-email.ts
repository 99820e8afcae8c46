/**
 * The emails that prove an address: the verification link (for the account's own address or a
 * new one it asked to move to), and the notice to the current address that a change was asked for.
 * Each is sent once (see send-once.ts).
 */
import { storefrontRoutes } from "@shopwright/routes";
import { verificationLink } from "../auth/email-verification.ts";
import type { DeliveryDeps } from "./order-confirmation-delivery.ts";
import { linkEmail } from "./render.ts";
import { type DeliveryResult, sendOnce } from "./send-once.ts";

export const EMAIL_VERIFICATION_EMAIL = "email_verification";
export const EMAIL_CHANGE_NOTICE = "email_change_notice";

export async function sendEmailVerificationEmail(
  deps: DeliveryDeps,
  payload: { seed: string },
): Promise<DeliveryResult | { status: "no_longer_needed" }> {
  const link = await verificationLink(deps.db, deps.config, payload);
  if (!link) return { status: "no_longer_needed" };
  const email = linkEmail({
    subject: "Confirm your email for Shopwright",
    lines: [
      `Hello ${link.name},`,
      link.isChange
        ? "You asked to use this address for your Shopwright account. It takes the place of your current one once you follow the link below."
        : "Please confirm that this is your email address by following the link below.",
      "The link works once, within 24 hours. If you did not ask for it, ignore this email: nothing changes.",
    ],
    action: { label: "Confirm my email", href: link.link },
  });
  return sendOnce(deps, { kind: EMAIL_VERIFICATION_EMAIL, ref: link.ref, to: link.to, email });
}

export function sendEmailChangeNotice(
  deps: DeliveryDeps,
  payload: { noticeId: string; email: string; newEmail: string },
): Promise<DeliveryResult> {
  const email = linkEmail({
    subject: "A change of email was asked for on your Shopwright account",
    lines: [
      `Someone signed in to your Shopwright account asked to change its email to ${payload.newEmail}.`,
      "Your account keeps this address until the link we sent to the new one is followed.",
      "If this was not you, sign in and change your password now: that cancels the change and signs out everyone else.",
    ],
    action: { label: "Go to your account", href: `${deps.config.publicUrl}${storefrontRoutes.account.href()}` },
  });
  return sendOnce(deps, { kind: EMAIL_CHANGE_NOTICE, ref: payload.noticeId, to: payload.email, email });
}

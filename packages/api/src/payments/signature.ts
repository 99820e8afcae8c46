/**
 * `Mockpay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + rawBody)>`. Signing
 * the timestamp with the body lets the receiver refuse a captured request replayed later.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Mockpay-Signature";
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

function hmac(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

export function signWebhook(secret: string, rawBody: string, now = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${hmac(secret, timestamp, rawBody)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/** Checks the header against the raw body, in constant time, within the tolerance. */
export function verifyWebhookSignature(
  secret: string,
  rawBody: string,
  header: string | undefined,
  now = new Date(),
): SignatureCheck {
  if (!header) return { ok: false, reason: `Missing ${SIGNATURE_HEADER} header` };
  const parts = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(parts.find(([k]) => k === "t")?.[1]);
  const candidates = parts.filter(([k, v]) => k === "v1" && v).map(([, v]) => v as string);
  if (!Number.isInteger(timestamp) || candidates.length === 0) {
    return { ok: false, reason: `Malformed ${SIGNATURE_HEADER} header` };
  }
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: "Signature timestamp outside the tolerance" };
  }
  const expected = Buffer.from(hmac(secret, timestamp, rawBody), "hex");
  const matches = candidates.some((candidate) => {
    const given = Buffer.from(candidate, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true } : { ok: false, reason: "Signature does not match" };
}

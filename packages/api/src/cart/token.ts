/**
 * Guest cart tokens: 32 random bytes in base64url, handed to the guest once and sent back on every
 * call. Only the SHA-256 is stored, so a copy of the database opens no one's cart.
 */
import { createHash, randomBytes } from "node:crypto";

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newCartToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashCartToken(token) };
}

/** The stored form of a token; null for anything we could not have issued, which opens no cart. */
export function cartTokenHash(token: string | undefined): string | null {
  return token && TOKEN_SHAPE.test(token) ? hashCartToken(token) : null;
}

function hashCartToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

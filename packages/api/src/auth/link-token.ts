/**
 * The tokens of emailed links (password reset, email verification). A token is HMAC(secret, seed):
 * 256 bits derived from a random seed, so a job queue holds only the seed, a table only the token's
 * SHA-256, and the token itself exists only in the email. A retried job re-derives the same token.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";

export const newLinkSeed = () => randomBytes(32).toString("base64url");

/** `purpose` keeps one kind of link's token from ever equalling another's from the same seed. */
export const linkToken = (secret: string, purpose: string, seed: string) =>
  createHmac("sha256", secret).update(`${purpose}:${seed}`).digest("base64url");

export const linkTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

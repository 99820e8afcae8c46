/**
 * Sign-in throttling that stops guessing without handing strangers a lockout (docs/security.md).
 *
 * Only failed sign-ins count. Addresses are counted as addressKey says (IPv6 by its /64). Three counters, all in the database so every process shares them:
 * - per account and address: a hard limit, so one address cannot keep guessing one account;
 * - per address: a hard limit across accounts (credential stuffing from one place);
 * - per account, from anywhere: past a threshold the account is in backoff, and then an address
 *   that has already failed on it gets no further tries, while a clean address (no failure on this
 *   account in the window) still gets its try. A guesser with many addresses gets one guess per
 *   address instead of five; the holder, typing the right password from their own device, passes.
 *
 * Each attempt is counted as a failure before the password is checked, with one atomic upsert per
 * counter, so concurrent attempts cannot all slip under a limit; the count is taken back when the
 * attempt succeeds or is refused untried.
 */
import type { Db } from "@shopwright/db";
import { tooManyRequests } from "../errors.ts";
import { addressKey } from "../lib/address-key.ts";
import { clearRateLimit, hitRateLimit, type RateLimitRule, releaseRateLimitHit } from "../lib/rate-limit.ts";

const QUARTER_HOUR = 15 * 60;

export const LOGIN_THROTTLE = {
  perAccountAndAddress: { limit: 5, windowSeconds: QUARTER_HOUR },
  /** Enough for a household or an office behind one NAT mistyping now and then. */
  perAddress: { limit: 50, windowSeconds: QUARTER_HOUR },
  /** The account's own window; its limit is never enforced alone, only as the backoff threshold. */
  perAccount: { limit: 10, windowSeconds: QUARTER_HOUR },
  accountBackoffAfter: 10,
} satisfies Record<string, RateLimitRule | number>;

export interface LoginAttempt {
  /** The password was right: the attempt was no failure, and the address's earlier ones are forgiven. */
  succeeded(): Promise<void>;
}

/**
 * Counts the attempt as a failure up front, or throws TOO_MANY_REQUESTS (with how long to wait)
 * without it being tried. A wrong password needs nothing more: it stays counted.
 */
export async function beginLoginAttempt(db: Db, email: string, ip: string): Promise<LoginAttempt> {
  const address = addressKey(ip);
  const keys = {
    pair: `login:pair:${address} ${email}`,
    address: `login:ip:${address}`,
    account: `login:email:${email}`,
  };
  const pair = await hitRateLimit(db, keys.pair, LOGIN_THROTTLE.perAccountAndAddress);
  const fromAddress = await hitRateLimit(db, keys.address, LOGIN_THROTTLE.perAddress);
  const account = await hitRateLimit(db, keys.account, LOGIN_THROTTLE.perAccount);
  const release = () => Promise.all([keys.address, keys.account].map((key) => releaseRateLimitHit(db, key)));

  const cleanAddress = pair.count === 1;
  const inBackoff = account.count > LOGIN_THROTTLE.accountBackoffAfter && !cleanAddress;
  const waits = [
    pair.allowed ? 0 : pair.retryAfterSeconds,
    fromAddress.allowed ? 0 : fromAddress.retryAfterSeconds,
    inBackoff ? account.retryAfterSeconds : 0,
  ];
  const wait = Math.max(...waits);
  if (wait > 0) {
    await Promise.all([release(), releaseRateLimitHit(db, keys.pair)]);
    throw tooManyRequests(wait);
  }
  return {
    async succeeded() {
      await Promise.all([release(), clearRateLimit(db, keys.pair)]);
    },
  };
}

/**
 * Sign-in throttling as a stranger, a guesser and the account holder meet it: failures count,
 * successes do not; one address is cut off hard; many addresses meet the account's backoff; the
 * holder's correct password from a clean address always passes.
 */
import type { Db } from "@shopwright/db";
import { rateLimitTables } from "@shopwright/db/tables/rate-limits";
import { createTestDb } from "@shopwright/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller, createTestContext } from "../testing/index.ts";
import { LOGIN_THROTTLE } from "./login-throttle.ts";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const PASSWORD = "correct horse battery";
let seq = 0;

/** A fresh account and a block of addresses no other test uses. */
async function victim() {
  const n = ++seq;
  const email = `victim${n}-${Date.now()}@example.com`;
  await createCaller(createTestContext(db, { req: { ip: `198.18.${n}.250` } })).auth.register({
    email,
    password: PASSWORD,
    name: "Victim",
  });
  const from = (host: number) => createCaller(createTestContext(db, { req: { ip: `198.18.${n}.${host}` } })).auth;
  return { email, from };
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const guess = (auth: ReturnType<Awaited<ReturnType<typeof victim>>["from"]>, email: string, password = "wrong guess") =>
  outcome(auth.login({ email, password }));

describe("sign-in throttling", () => {
  it("does not lock the holder out when a stranger fails from one address", async () => {
    const { email, from } = await victim();
    const stranger = from(1);
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await guess(stranger, email));
    const allowed = LOGIN_THROTTLE.perAccountAndAddress.limit;
    expect(results).toEqual([...Array(allowed).fill("UNAUTHORIZED"), ...Array(10 - allowed).fill("TOO_MANY_REQUESTS")]);
    // The stranger's address is cut off even with the right password…
    expect(await guess(stranger, email, PASSWORD)).toBe("TOO_MANY_REQUESTS");
    // …and the holder, from their own address, signs in.
    expect(await guess(from(2), email, PASSWORD)).toBe("OK");
  });

  it("counts failures, not attempts: signing in again and again is never throttled", async () => {
    const { email, from } = await victim();
    const holder = from(1);
    for (let i = 0; i < 20; i++) expect(await guess(holder, email, PASSWORD)).toBe("OK");
  });

  it("forgives an address its earlier typos once it signs in", async () => {
    const { email, from } = await victim();
    const holder = from(1);
    const typos = LOGIN_THROTTLE.perAccountAndAddress.limit - 1;
    for (let i = 0; i < typos; i++) expect(await guess(holder, email)).toBe("UNAUTHORIZED");
    expect(await guess(holder, email, PASSWORD)).toBe("OK");
    for (let i = 0; i < typos; i++) expect(await guess(holder, email)).toBe("UNAUTHORIZED");
  });

  it("slows guessing spread over many addresses, yet lets the correct password in from a clean address", async () => {
    const { email, from } = await victim();
    const threshold = LOGIN_THROTTLE.accountBackoffAfter;
    // A botnet: one failure from each of many addresses, staying far under the per-address limit.
    for (let host = 1; host <= threshold; host++) expect(await guess(from(host), email)).toBe("UNAUTHORIZED");
    // From now on an address that has failed on this account gets no more guesses, right or wrong…
    expect(await guess(from(1), email)).toBe("TOO_MANY_REQUESTS");
    expect(await guess(from(2), email, PASSWORD)).toBe("TOO_MANY_REQUESTS");
    // …and a fresh address gets exactly one.
    const fresh = from(100);
    expect(await guess(fresh, email)).toBe("UNAUTHORIZED");
    expect(await guess(fresh, email)).toBe("TOO_MANY_REQUESTS");
    // The holder, from an address that has not failed, is let in.
    expect(await guess(from(200), email, PASSWORD)).toBe("OK");
  });

  it("limits failures per address across accounts (credential stuffing)", async () => {
    const n = ++seq;
    const ip = `198.19.${n}.1`;
    // The address has failed on other accounts all but once this window (as that many guesses would).
    const resetAt = new Date(Date.now() + 60_000);
    const count = LOGIN_THROTTLE.perAddress.limit - 1;
    await db.orm.insert(rateLimitTables(db).rateLimits).values({ key: `login:ip:${ip}`, count, resetAt });
    const auth = createCaller(createTestContext(db, { req: { ip } })).auth;
    expect(await guess(auth, `nobody-a-${n}@example.com`)).toBe("UNAUTHORIZED");
    expect(await guess(auth, `nobody-b-${n}@example.com`)).toBe("TOO_MANY_REQUESTS");
  });

  it("counts an IPv6 client by its /64, so rotating addresses within it does not reset the limit", async () => {
    const { email } = await victim();
    const n = ++seq;
    const from = (host: number) =>
      createCaller(createTestContext(db, { req: { ip: `2001:db8:${n}:7::${host.toString(16)}` } })).auth;
    const limit = LOGIN_THROTTLE.perAccountAndAddress.limit;
    for (let host = 1; host <= limit; host++) expect(await guess(from(host), email)).toBe("UNAUTHORIZED");
    expect(await guess(from(limit + 1), email)).toBe("TOO_MANY_REQUESTS");
    // Another /64 is another client.
    const other = createCaller(createTestContext(db, { req: { ip: `2001:db8:${n}:8::1` } })).auth;
    expect(await guess(other, email, PASSWORD)).toBe("OK");
  });

  it("says how long to wait", async () => {
    const { email, from } = await victim();
    const stranger = from(1);
    for (let i = 0; i < LOGIN_THROTTLE.perAccountAndAddress.limit; i++) await guess(stranger, email);
    const error = await stranger.login({ email, password: "wrong guess" }).catch((e: TRPCError) => e);
    expect((error as TRPCError).code).toBe("TOO_MANY_REQUESTS");
    const details = ((error as TRPCError).cause as { details?: { retryAfterSeconds: number } }).details;
    expect(details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(details?.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_THROTTLE.perAccountAndAddress.windowSeconds);
  });
});

import type { PostgresDb } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { guestCaller } from "../testing/index.ts";
import { REUSE_GRACE_SECONDS } from "./sessions.ts";

let db: PostgresDb;
beforeAll(async () => {
  db = await createPostgresTestDb({ max: 12 });
});
afterAll(() => db.close());
afterEach(() => vi.useRealTimers());

const caller = (accessToken?: string) =>
  guestCaller(db, { config: { rateLimits: false }, req: accessToken ? { accessToken } : {} });
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, code: error instanceof TRPCError ? error.code : String(error) }),
  );

it("lets exactly one of ten concurrent refreshes with the same token win, and the family survives", async () => {
  const { refreshToken } = await caller().auth.register({
    email: "racer@example.com",
    password: "correct horse battery",
    name: "R",
    tokenDelivery: "body",
  });
  const results = await Promise.all(
    Array.from({ length: 10 }, () => outcome(caller().auth.refresh({ refreshToken: refreshToken! }))),
  );
  const winners = results.filter((r) => r.ok);
  expect(winners).toHaveLength(1);
  expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.code))).toEqual(Array(9).fill("UNAUTHORIZED"));

  const won = winners[0]!.value as { accessToken: string; refreshToken: string };
  expect((await caller(won.accessToken).auth.me()).email).toBe("racer@example.com");
  expect((await outcome(caller().auth.refresh({ refreshToken: won.refreshToken }))).ok).toBe(true);
  const { sessions } = authTables(db);
  const rows = await db.orm
    .select()
    .from(sessions)
    .where(eq(sessions.userId, (await caller(won.accessToken).auth.me()).id));
  expect(rows.filter((row) => row.revokedAt)).toHaveLength(0);
  expect(rows.filter((row) => !row.rotatedAt)).toHaveLength(1);
});

it("lets exactly one of concurrent registrations of one email succeed; the rest are CONFLICT", async () => {
  const results = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      outcome(
        caller().auth.register({ email: "Twin@Example.com", password: "correct horse battery", name: `Twin ${i}` }),
      ),
    ),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.code))).toEqual(Array(5).fill("CONFLICT"));
  const { users } = authTables(db);
  expect(await db.orm.select().from(users).where(eq(users.email, "twin@example.com"))).toHaveLength(1);
});

it("revokes the whole family even when a stolen token comes back while the family is being refreshed", async () => {
  const start = Date.now();
  vi.useFakeTimers({ toFake: ["Date"], now: start });
  const families = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const signedUp = await caller().auth.register({
        email: `victim${i}@example.com`,
        password: "correct horse battery",
        name: "V",
        tokenDelivery: "body",
      });
      const current = await caller().auth.refresh({ refreshToken: signedUp.refreshToken! });
      return { userId: signedUp.user.id, stolen: signedUp.refreshToken!, current: current.refreshToken! };
    }),
  );
  vi.setSystemTime(start + (REUSE_GRACE_SECONDS + 1) * 1000);
  await Promise.all(
    families.flatMap(({ stolen, current }) => [
      outcome(caller().auth.refresh({ refreshToken: current })),
      outcome(caller().auth.refresh({ refreshToken: stolen })),
    ]),
  );
  const { sessions } = authTables(db);
  for (const { userId } of families) {
    const rows = await db.orm.select().from(sessions).where(eq(sessions.userId, userId));
    expect(rows.filter((row) => !row.revokedAt)).toEqual([]);
  }
});

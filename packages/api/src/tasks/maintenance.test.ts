import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { ordersTables } from "@shopwright/db/tables/orders";
import { rateLimitTables } from "@shopwright/db/tables/rate-limits";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "../testing/index.ts";
import { pruneExpiredRecords } from "./maintenance.ts";

describe(`pruning expired records on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("deletes what has expired and keeps what is live", async () => {
    const { sessions, passwordResets, emailVerifications } = authTables(db);
    const { rateLimits } = rateLimitTables(db);
    const { idempotencyKeys } = ordersTables(db);
    const user = await createSignedInUser(db);
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 60_000);
    await db.orm.insert(sessions).values({
      id: "expired-session-hash",
      userId: user.id,
      familyId: user.familyId,
      expiresAt: past,
      absoluteExpiresAt: past,
    });
    await db.orm.insert(rateLimits).values([
      { key: "login:ip:old", count: 9, resetAt: past },
      { key: "login:ip:now", count: 1, resetAt: future },
    ]);
    await db.orm.insert(idempotencyKeys).values([
      { scope: `user:${user.id}`, key: "old-key", requestHash: "h", expiresAt: past },
      { scope: `user:${user.id}`, key: "live-key", requestHash: "h", expiresAt: future },
    ]);
    await db.orm.insert(passwordResets).values([
      { id: "old-reset-hash", userId: user.id, expiresAt: past },
      { id: "live-reset-hash", userId: user.id, expiresAt: future },
    ]);
    await db.orm.insert(emailVerifications).values([
      { id: "old-verification-hash", userId: user.id, email: "old@example.com", expiresAt: past },
      { id: "live-verification-hash", userId: user.id, email: "live@example.com", expiresAt: future },
    ]);

    await pruneExpiredRecords(db);

    const sessionIds = (await db.orm.select({ id: sessions.id }).from(sessions)).map((s) => s.id);
    expect(sessionIds).not.toContain("expired-session-hash");
    expect(sessionIds).toHaveLength(1);
    expect((await db.orm.select().from(rateLimits)).map((r) => r.key)).toEqual(["login:ip:now"]);
    expect((await db.orm.select().from(idempotencyKeys)).map((k) => k.key)).toEqual(["live-key"]);
    expect((await db.orm.select().from(passwordResets)).map((r) => r.id)).toEqual(["live-reset-hash"]);
    expect((await db.orm.select().from(emailVerifications)).map((r) => r.id)).toEqual(["live-verification-hash"]);
  });
});

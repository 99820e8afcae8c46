/**
 * The net under the input schemas: should text Postgres cannot store ever reach it, the caller
 * gets BAD_REQUEST, never a 500. The errors are Postgres's own, from a real server.
 */
import { type Db, isUnstorableText } from "@shopwright/db";
import { createTestDb } from "@shopwright/db/testing";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "./testing/index.ts";
import { createCallerFactory, publicProcedure, router } from "./trpc.ts";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

const unchecked = router({
  text: publicProcedure.mutation(({ ctx }) => ctx.db.execute(sql`select ${"a\u0000b"}::text as t`)),
  json: publicProcedure.mutation(({ ctx }) => ctx.db.execute(sql`select ${'{"a":"\\u0000"}'}::jsonb as j`)),
});

describe("a NUL that reaches Postgres", () => {
  it.each(["text", "json"] as const)("in %s is recognised and answered BAD_REQUEST", async (kind) => {
    const driverError = await db
      .execute(kind === "text" ? sql`select ${"a\u0000b"}::text` : sql`select ${'{"a":"\\u0000"}'}::jsonb`)
      .catch((e: unknown) => e);
    expect(isUnstorableText(driverError)).toBe(true);

    const caller = createCallerFactory(unchecked)(createTestContext(db));
    const error = await caller[kind]().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toMatch(/cannot be stored/);
  });
});

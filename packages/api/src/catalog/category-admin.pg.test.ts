/** Category moves on a Postgres server with parallel connections: no pair of moves makes a cycle. */
import type { PostgresDb } from "@shopwright/db";
import { createPostgresTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser } from "../testing/index.ts";

describe("category moves under concurrency", () => {
  let db: PostgresDb;
  beforeAll(async () => {
    db = await createPostgresTestDb({ max: 10 });
  });
  afterAll(() => db.close());

  it("of two racing moves that would put A under B and B under A, exactly one succeeds", async () => {
    const admin = await createSignedInUser(db, { role: "admin" });
    for (let round = 0; round < 10; round++) {
      const a = await admin.caller.admin.categories.create({ name: `A ${round}` });
      const b = await admin.caller.admin.categories.create({ name: `B ${round}` });
      const results = await Promise.allSettled([
        admin.caller.admin.categories.update({ id: a.id, parentId: b.id }),
        admin.caller.admin.categories.update({ id: b.id, parentId: a.id }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "BAD_REQUEST" } });
    }
    const tree = await admin.caller.admin.categories.list();
    // Every category is still reachable from a root: a cycle would have cut two of them loose.
    const reachable = (nodes: typeof tree): number => nodes.reduce((n, node) => n + 1 + reachable(node.children), 0);
    expect(reachable(tree)).toBe(20);
  });
});

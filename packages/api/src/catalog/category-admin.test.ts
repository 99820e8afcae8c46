import type { Db } from "@shopwright/db";
import { auditTables } from "@shopwright/db/tables/audit";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, createSignedInUser } from "../testing/index.ts";

let db: Db;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;

beforeAll(async () => {
  db = await createTestDb();
  admin = await createSignedInUser(db, { role: "admin" });
});
afterAll(() => db.close());

describe("admin.categories", () => {
  it("creates a tree and lists it with children and product counts", async () => {
    const home = await admin.caller.admin.categories.create({ name: "Home & Garden" });
    const kitchen = await admin.caller.admin.categories.create({ name: "Kitchen", parentId: home.id });
    await createProduct(db, { categoryId: kitchen.id });
    expect(home.slug).toBe("home-garden");

    const tree = await admin.caller.admin.categories.list();
    const homeNode = tree.find((node) => node.id === home.id);
    expect(homeNode).toMatchObject({ name: "Home & Garden", productCount: 0 });
    expect(homeNode?.children).toEqual([expect.objectContaining({ id: kitchen.id, productCount: 1, children: [] })]);
    await expect(
      admin.caller.admin.categories.create({ name: "Orphan", parentId: "cat_missing" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives a second category of the same name the next free slug, and refuses a taken slug asked for", async () => {
    const first = await admin.caller.admin.categories.create({ name: "Garden Tools" });
    const second = await admin.caller.admin.categories.create({ name: "Garden Tools" });
    const third = await admin.caller.admin.categories.create({ name: "Garden  tools!" });
    expect([first.slug, second.slug, third.slug]).toEqual(["garden-tools", "garden-tools-2", "garden-tools-3"]);
    await expect(admin.caller.admin.categories.create({ name: "Other", slug: "garden-tools-2" })).rejects.toMatchObject(
      {
        code: "CONFLICT",
        cause: { details: { field: "slug" } },
      },
    );
  });

  it("renames and moves, and refuses a move under itself or its own subcategory", async () => {
    const a = await admin.caller.admin.categories.create({ name: "A" });
    const b = await admin.caller.admin.categories.create({ name: "B", parentId: a.id });
    const c = await admin.caller.admin.categories.create({ name: "C", parentId: b.id });

    expect(await admin.caller.admin.categories.update({ id: b.id, name: "Bee", slug: "bee" })).toMatchObject({
      name: "Bee",
      slug: "bee",
      parentId: a.id,
    });
    for (const parentId of [a.id, c.id]) {
      await expect(admin.caller.admin.categories.update({ id: a.id, parentId })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect(await admin.caller.admin.categories.update({ id: c.id, parentId: null })).toMatchObject({ parentId: null });
    expect(await admin.caller.admin.categories.update({ id: a.id, parentId: c.id })).toMatchObject({ parentId: c.id });

    const audit = await db.orm.select().from(auditTables(db).auditLog);
    expect(audit.filter((row) => row.entityId === a.id).map((row) => row.action)).toEqual([
      "category.created",
      "category.moved",
    ]);
  });

  it("deletes only an empty category", async () => {
    const parent = await admin.caller.admin.categories.create({ name: "Parent" });
    const child = await admin.caller.admin.categories.create({ name: "Child", parentId: parent.id });
    const stocked = await admin.caller.admin.categories.create({ name: "Stocked" });
    await createProduct(db, { categoryId: stocked.id });

    await expect(admin.caller.admin.categories.delete({ id: parent.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.caller.admin.categories.delete({ id: stocked.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await admin.caller.admin.categories.delete({ id: child.id });
    await admin.caller.admin.categories.delete({ id: parent.id });
    const ids = (await admin.caller.admin.categories.list()).map((node) => node.id);
    expect(ids).toContain(stocked.id);
    expect(ids).not.toContain(parent.id);
    await expect(admin.caller.admin.categories.delete({ id: parent.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

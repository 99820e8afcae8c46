import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "@shopwright/db";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory, createOrder, createSignedInUser, imageForm, photo } from "../testing/index.ts";

let PNG: Buffer;

let db: Db;
let mediaDir: string;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let categoryId: string;

beforeAll(async () => {
  db = await createTestDb();
  mediaDir = mkdtempSync(join(tmpdir(), "sw-media-"));
  admin = await createSignedInUser(db, { role: "admin", config: { mediaDir } });
  categoryId = (await createCategory(db, { name: "Mugs" })).id;
  PNG = await photo({ width: 40, height: 30, format: "png" });
});

const storedFiles = (productId: string) =>
  readdirSync(mediaDir, { recursive: true }).filter((path) => String(path).includes(`${productId}/`));
afterAll(async () => {
  await db.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

const create = (fields: Partial<Parameters<typeof admin.caller.admin.products.create>[0]> = {}) =>
  admin.caller.admin.products.create({
    name: "Blue Mug",
    description: "A mug, blue.",
    priceCents: 1299,
    stock: 7,
    categoryId,
    ...fields,
  });

describe("admin.products.create", () => {
  it("generates a slug from the name, a free one when the first is taken, and records who did it", async () => {
    const first = await create({ name: "Ada’s Crème Brûlée Set" });
    const second = await create({ name: "Ada’s Crème Brûlée Set" });
    expect(first).toMatchObject({ slug: "adas-creme-brulee-set", status: "active", priceCents: 1299, stock: 7 });
    expect(second.slug).toBe("adas-creme-brulee-set-2");
    expect(first.audit).toEqual([
      expect.objectContaining({ action: "product.created", actorId: admin.id, actorEmail: admin.email }),
    ]);
  });

  it("refuses a slug another product has with CONFLICT on the slug field", async () => {
    await create({ slug: "taken-slug" });
    await expect(create({ slug: "taken-slug" })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { details: { field: "slug" } },
    });
  });

  it("refuses a negative price or stock with BAD_REQUEST naming the field, and writes nothing", async () => {
    const before = await admin.caller.admin.products.list({ q: "Negative" });
    for (const fields of [{ priceCents: -1 }, { stock: -5 }]) {
      const error = await create({ name: "Negative", ...fields }).catch((e) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect(error.cause.issues[0].path).toEqual([Object.keys(fields)[0]]);
    }
    expect((await admin.caller.admin.products.list({ q: "Negative" })).total).toBe(before.total);
  });

  it("refuses a category that does not exist", async () => {
    await expect(create({ categoryId: "cat_missing" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("admin.products.list", () => {
  it("searches by name, filters by status and category, and pages with a total", async () => {
    const { id: otherCategory } = await createCategory(db, { name: "Lamps" });
    for (const n of [1, 2, 3]) await create({ name: `Desk Lamp ${n}`, categoryId: otherCategory });
    const archived = await create({ name: "Desk Lamp Old", categoryId: otherCategory, status: "archived" });

    const page1 = await admin.caller.admin.products.list({ q: "desk LAMP", pageSize: 2 });
    const page2 = await admin.caller.admin.products.list({ q: "desk LAMP", pageSize: 2, page: 2 });
    expect(page1.total).toBe(4);
    expect([...page1.items, ...page2.items].map((p) => p.name).sort()).toEqual([
      "Desk Lamp 1",
      "Desk Lamp 2",
      "Desk Lamp 3",
      "Desk Lamp Old",
    ]);
    const onlyArchived = await admin.caller.admin.products.list({ categoryId: otherCategory, status: "archived" });
    expect(onlyArchived.items.map((p) => p.id)).toEqual([archived.id]);
    expect(onlyArchived.items[0]).toMatchObject({ categoryName: "Lamps", imageUrl: null });
    expect((await admin.caller.admin.products.list({ q: "100%_" })).total).toBe(0);
  });
});

describe("admin.products.update", () => {
  it("changes fields, keeps the slug unique, and logs what changed", async () => {
    const product = await create({ name: "Green Mug" });
    await create({ slug: "green-mug-deluxe" });
    const updated = await admin.caller.admin.products.update({
      id: product.id,
      priceCents: 1500,
      name: "Green Mug XL",
    });
    expect(updated).toMatchObject({ name: "Green Mug XL", priceCents: 1500, slug: product.slug });
    expect(updated.audit[0]).toMatchObject({
      action: "product.updated",
      details: { priceCents: { from: 1299, to: 1500 }, name: { from: "Green Mug", to: "Green Mug XL" } },
    });
    await expect(
      admin.caller.admin.products.update({ id: product.id, slug: "green-mug-deluxe" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.caller.admin.products.update({ id: product.id, stock: -1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.caller.admin.products.update({ id: "prod_missing", stock: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("admin.products.delete", () => {
  it("deletes a product nobody ordered, with its image files", async () => {
    const product = await create({ name: "Short-lived" });
    await admin.caller.admin.products.uploadImage(imageForm(product.id, PNG));
    expect(storedFiles(product.id)).toHaveLength(1);
    expect(await admin.caller.admin.products.delete({ id: product.id })).toEqual({ outcome: "deleted" });
    await expect(admin.caller.admin.products.byId({ id: product.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(storedFiles(product.id)).toEqual([]);
  });

  it("archives a product that has been ordered", async () => {
    const product = await create({ name: "Popular" });
    const customer = await createSignedInUser(db);
    await createOrder(db, { userId: customer.id, email: customer.email, productId: product.id });
    expect(await admin.caller.admin.products.delete({ id: product.id })).toEqual({ outcome: "archived" });
    const after = await admin.caller.admin.products.byId({ id: product.id });
    expect(after).toMatchObject({ status: "archived", ordered: true });
    expect(after.audit[0]).toMatchObject({ action: "product.archived" });
  });
});

describe("search after admin edits", () => {
  it("finds a product by what it is called now, and only while it is for sale", async () => {
    const found = async (q: string) => (await admin.caller.catalog.search({ q })).items.map((item) => item.id);
    const { id } = await create({ name: "Quokka Teapot", description: "Pours without a drip." });
    expect(await found("quokka")).toEqual([id]);
    expect(await found("drip")).toEqual([id]);

    await admin.caller.admin.products.update({ id, name: "Wombat Teapot", description: "Keeps tea hot." });
    expect(await found("quokka")).toEqual([]);
    expect(await found("drip")).toEqual([]);
    expect(await found("wombat")).toEqual([id]);
    expect(await found("hot")).toEqual([id]);

    await admin.caller.admin.products.update({ id, status: "archived" });
    expect(await found("wombat")).toEqual([]);
    await admin.caller.admin.products.update({ id, status: "active" });
    expect(await found("wombat")).toEqual([id]);

    expect(await admin.caller.admin.products.delete({ id })).toEqual({ outcome: "deleted" });
    expect(await found("wombat")).toEqual([]);
  });
});

describe("admin.products images", () => {
  it("reorders images, sets alt text and removes one", async () => {
    const product = await create({ name: "Gallery" });
    const upload = () => admin.caller.admin.products.uploadImage(imageForm(product.id, PNG));
    const first = await upload();
    const second = await upload();
    const third = await upload();
    const reordered = await admin.caller.admin.products.updateImages({
      productId: product.id,
      images: [
        { id: third.id, alt: "Third, now first" },
        { id: first.id, alt: "" },
        { id: second.id, alt: "Side view" },
      ],
    });
    expect(reordered.images.map((i) => [i.id, i.alt])).toEqual([
      [third.id, "Third, now first"],
      [first.id, ""],
      [second.id, "Side view"],
    ]);
    expect(reordered.audit[0]).toMatchObject({
      action: "product.images_updated",
      details: {
        order: { from: [first.id, second.id, third.id], to: [third.id, first.id, second.id] },
        [third.id]: { from: "", to: "Third, now first" },
        [second.id]: { from: "", to: "Side view" },
      },
    });
    await expect(
      admin.caller.admin.products.updateImages({ productId: product.id, images: [{ id: first.id, alt: "" }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const afterDelete = await admin.caller.admin.products.deleteImage({ imageId: first.id });
    expect(afterDelete.images.map((i) => i.id)).toEqual([third.id, second.id]);
    expect(afterDelete.audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["product.images_updated", "product.image_removed", "product.image_added"]),
    );
  });
});

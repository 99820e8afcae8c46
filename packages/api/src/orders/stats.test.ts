import type { Db } from "@shopwright/db";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCategory, createOrder, createProduct, createSignedInUser } from "../testing/index.ts";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe("admin.stats", () => {
  it("counts orders by status, sums paid revenue over today, 7 and 30 days, and lists and counts low stock by variant", async () => {
    const admin = await createSignedInUser(db, { role: "admin" });
    const customer = await createSignedInUser(db);
    const { id: categoryId } = await createCategory(db);
    const { id: productId } = await createProduct(db, { categoryId, stock: 50 });
    const { id: scarce } = await createProduct(db, { categoryId, name: "Scarce", stock: 2 });
    await createProduct(db, { categoryId, name: "Scarce but archived", stock: 0, status: "archived" });
    // Each size and colour is counted and listed on its own, an archived one not at all.
    await createProduct(db, {
      categoryId,
      name: "Linen Shirt",
      options: [
        { name: "Size", values: ["S", "M", "L"] },
        { name: "Colour", values: ["Sand", "Black"] },
      ],
      variants: [
        { options: { Size: "S", Colour: "Sand" }, stock: 40 },
        { options: { Size: "M", Colour: "Sand" }, stock: 2 },
        { options: { Size: "L", Colour: "Black" }, stock: 1 },
        { options: { Size: "S", Colour: "Black" }, stock: 0, status: "archived" },
      ],
    });
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    const order = (status: "placed" | "processing" | "cancelled", paid: boolean, createdAt: Date, totalCents: number) =>
      createOrder(db, {
        userId: customer.id,
        email: customer.email,
        productId,
        status,
        createdAt,
        totalCents,
        paymentStatus: paid ? "succeeded" : "pending",
      });
    await order("processing", true, new Date(), 1000);
    await order("processing", true, daysAgo(3), 2000);
    await order("processing", true, daysAgo(20), 4000);
    await order("processing", true, daysAgo(45), 8000);
    await order("placed", false, new Date(), 16000);
    await order("cancelled", true, new Date(), 32000);

    const stats = await admin.caller.admin.stats();
    expect(stats.ordersByStatus).toEqual({ placed: 1, processing: 4, shipped: 0, delivered: 0, cancelled: 1 });
    expect(stats.revenue).toEqual({
      today: { cents: 1000, orders: 1 },
      last7Days: { cents: 3000, orders: 2 },
      last30Days: { cents: 7000, orders: 3 },
    });
    expect(stats.lowStock.map((p) => [p.name, p.options, p.stock])).toEqual([
      ["Linen Shirt", { Size: "L", Colour: "Black" }, 1],
      ["Linen Shirt", { Size: "M", Colour: "Sand" }, 2],
      ["Scarce", {}, 2],
    ]);
    expect(stats.lowStock[2]!.id).toBe(scarce);
    expect(stats.lowStockCount).toBe(3);
    expect(stats.recentOrders).toHaveLength(6);
  });
});

import type { Db } from "@shopwright/db";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOrder,
  createProduct,
  createSignedInUser,
  guestCaller,
  openShipping,
  testAddress,
} from "../testing/index.ts";

let db: Db;
let admin: Awaited<ReturnType<typeof createSignedInUser>>;
let productId: string;

beforeAll(async () => {
  db = await createTestDb();
  admin = await createSignedInUser(db, { role: "admin" });
  productId = (await createProduct(db)).id;
});
afterAll(() => db.close());

describe("admin.orders", () => {
  it("lists every customer's orders newest first, filtered by status, searched by email, paged", async () => {
    const ada = await createSignedInUser(db, { email: "ada@lovelace.test" });
    const alan = await createSignedInUser(db, { email: "alan@turing.test" });
    const t0 = Date.now() - 60_000;
    const ids = [];
    for (const [i, [user, status]] of (
      [
        [ada, "placed"],
        [ada, "processing"],
        [alan, "processing"],
        [alan, "shipped"],
      ] as const
    ).entries()) {
      const order = await createOrder(db, {
        userId: user.id,
        email: user.email,
        productId,
        status,
        createdAt: new Date(t0 + i),
      });
      ids.push(order.id);
    }

    const all = await admin.caller.admin.orders.list({});
    expect(all.items.map((o) => o.id)).toEqual([...ids].reverse());
    const processing = await admin.caller.admin.orders.list({ status: "processing" });
    expect(processing.items.map((o) => o.id)).toEqual([ids[2], ids[1]]);
    const ada2 = await admin.caller.admin.orders.list({ email: "LOVELACE", pageSize: 1, page: 2 });
    expect(ada2).toMatchObject({
      total: 2,
      items: [{ id: ids[0], email: "ada@lovelace.test", paymentStatus: "pending" }],
    });
  });

  it("shows one order with items, totals, address, payment, history and audit trail", async () => {
    const customer = await createSignedInUser(db, { name: "Grace Hopper" });
    const { id } = await createOrder(db, {
      userId: customer.id,
      email: customer.email,
      productId,
      totalCents: 4200,
      paymentStatus: "succeeded",
    });
    const order = await admin.caller.admin.orders.byId({ id });
    expect(order).toMatchObject({
      id,
      email: customer.email,
      customerName: "Grace Hopper",
      status: "placed",
      subtotalCents: 4200,
      totalCents: 4200,
      shippingAddress: { city: "London", country: "GB" },
      items: [{ productId, unitPriceCents: 2100, quantity: 2 }],
      payment: { status: "succeeded", amountCents: 4200 },
      statusHistory: [{ status: "placed", actor: "customer" }],
      audit: [],
      nextStatuses: ["processing", "cancelled"],
    });
    await expect(admin.caller.admin.orders.byId({ id: "ord_missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a guest's order by the name it ships to, as placed by a guest with no account", async () => {
    await openShipping(db);
    const { cartToken } = await guestCaller(db).cart.addItem({ productId, quantity: 1 });
    const { order } = await guestCaller(db, { req: { cartToken } }).orders.checkout({
      idempotencyKey: "admin-guest-0001",
      email: "Guest@Example.test",
      shippingAddress: { ...testAddress, name: "Gil Guest" },
    });
    expect(await admin.caller.admin.orders.byId({ id: order.id })).toMatchObject({
      userId: null,
      placedAsGuest: true,
      email: "guest@example.test",
      customerName: "Gil Guest",
    });
    const listed = await admin.caller.admin.orders.list({ q: "guest@example" });
    expect(listed.items).toMatchObject([{ id: order.id, customerName: "Gil Guest" }]);
  });

  it("moves an order through the state machine, records history and audit, and never back from shipped", async () => {
    const customer = await createSignedInUser(db);
    const { id } = await createOrder(db, {
      userId: customer.id,
      email: customer.email,
      productId,
      status: "processing",
      paymentStatus: "succeeded",
    });
    const shipped = await admin.caller.admin.orders.setStatus({ id, status: "shipped", note: "DHL 123" });
    expect(shipped).toMatchObject({ status: "shipped", nextStatuses: ["delivered"] });
    expect(shipped.statusHistory.at(-1)).toMatchObject({
      status: "shipped",
      actor: `admin:${admin.id}`,
      actorEmail: admin.email,
      note: "DHL 123",
    });
    expect(shipped.audit).toEqual([
      expect.objectContaining({
        action: "order.status_changed",
        actorEmail: admin.email,
        details: { from: "processing", to: "shipped", note: "DHL 123" },
      }),
    ]);
    for (const status of ["processing", "cancelled", "placed"] as const) {
      await expect(admin.caller.admin.orders.setStatus({ id, status })).rejects.toMatchObject({ code: "CONFLICT" });
    }
    const delivered = await admin.caller.admin.orders.setStatus({ id, status: "delivered" });
    expect(delivered).toMatchObject({ status: "delivered", nextStatuses: [] });
    expect(delivered.audit).toHaveLength(2);
    await expect(admin.caller.admin.orders.setStatus({ id: "ord_missing", status: "shipped" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

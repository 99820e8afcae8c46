/** Rows for admin tests, written directly so these tests do not depend on other domains' flows. */
import { type Db, newId } from "@shopwright/db";
import type { OrderStatus } from "../orders/transitions.ts";
import { testAddress } from "../testing/fixtures.ts";

export async function insertCategory(db: Db, values: { name?: string; parentId?: string } = {}) {
  const id = newId("cat");
  await db.orm
    .insert(db.tables.categories)
    .values({ id, slug: id.replace("_", "-"), name: values.name ?? "Category", parentId: values.parentId ?? null });
  return id;
}

export async function insertProduct(
  db: Db,
  values: { categoryId: string; name?: string; priceCents?: number; stock?: number; status?: "active" | "archived" },
) {
  const id = newId("prod");
  await db.orm.insert(db.tables.products).values({
    id,
    slug: id.replace("_", "-"),
    name: values.name ?? "Product",
    description: "",
    priceCents: values.priceCents ?? 1000,
    stock: values.stock ?? 10,
    status: values.status ?? "active",
    categoryId: values.categoryId,
  });
  return id;
}

/** An order of one line for `productId`, with its payment and first history entry. */
export async function insertOrder(
  db: Db,
  values: {
    userId: string;
    email: string;
    productId: string;
    status?: OrderStatus;
    totalCents?: number;
    paymentStatus?: "pending" | "succeeded" | "failed";
    createdAt?: Date;
  },
) {
  const { orders, orderItems, payments, orderStatusHistory } = db.tables;
  const id = newId("ord");
  const totalCents = values.totalCents ?? 2000;
  const createdAt = values.createdAt ?? new Date();
  await db.orm.insert(orders).values({
    id,
    userId: values.userId,
    email: values.email,
    status: values.status ?? "placed",
    subtotalCents: totalCents,
    totalCents,
    shippingAddress: testAddress,
    createdAt,
  });
  await db.orm.insert(orderItems).values({
    id: newId("oi"),
    orderId: id,
    productId: values.productId,
    name: "Product",
    unitPriceCents: totalCents / 2,
    quantity: 2,
  });
  await db.orm.insert(payments).values({
    id: newId("pay"),
    orderId: id,
    amountCents: totalCents,
    status: values.paymentStatus ?? "pending",
    expiresAt: new Date(createdAt.getTime() + 30 * 60_000),
  });
  await db.orm
    .insert(orderStatusHistory)
    .values({ id: newId("osh"), orderId: id, fromStatus: null, status: "placed", actor: "customer", createdAt });
  return id;
}

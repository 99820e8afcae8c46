/** Categories, products, carts, orders and an address made directly in the database, for tests of any domain. */
import { type Address, type Db, newId, nextOrderNumber, type OrderStatus, type ProductStatus } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { ordersTables } from "@shopwright/db/tables/orders";
import { eq } from "drizzle-orm";

export const testAddress: Address = {
  name: "Ada Lovelace",
  line1: "12 Analytical Row",
  city: "London",
  postalCode: "N1 9GU",
  country: "GB",
};

/** A slug that passes the admin's slug rules, unique because the id is. */
const slugOf = (id: string) => id.replace("_", "-");

export async function createCategory(db: Db, options: { name?: string; parentId?: string; slug?: string } = {}) {
  const id = newId("cat");
  const name = options.name ?? "Things";
  await db.orm
    .insert(catalogTables(db).categories)
    .values({ id, slug: options.slug ?? slugOf(id), name, parentId: options.parentId ?? null });
  return { id, name };
}

/** A product, in a category of its own unless `categoryId` is given. */
export async function createProduct(
  db: Db,
  options: {
    categoryId?: string;
    name?: string;
    slug?: string;
    priceCents?: number;
    stock?: number;
    status?: ProductStatus;
  } = {},
) {
  const categoryId = options.categoryId ?? (await createCategory(db)).id;
  const id = newId("prod");
  const name = options.name ?? `Product ${id.slice(-6)}`;
  await db.orm.insert(catalogTables(db).products).values({
    id,
    slug: options.slug ?? slugOf(id),
    name,
    description: "A thing",
    priceCents: options.priceCents ?? 1_250,
    stock: options.stock ?? 10,
    status: options.status ?? "active",
    categoryId,
  });
  return { id, name };
}

/** Adds lines to the user's cart, making the cart if there is none. */
export async function fillCart(db: Db, userId: string, lines: { productId: string; quantity: number }[]) {
  const { carts, cartItems } = cartTables(db);
  await db.orm
    .insert(carts)
    .values({ id: newId("cart"), userId })
    .onConflictDoNothing();
  const [cart] = await db.orm.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId));
  const cartId = cart!.id;
  const now = Date.now();
  // Distinct times keep the lines in the order given (carts list lines by when they were added).
  await db.orm.insert(cartItems).values(lines.map((line, i) => ({ cartId, ...line, addedAt: new Date(now + i) })));
  return cartId;
}

/** An order of one line for `productId`, with its payment and first history entry. */
export async function createOrder(
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
  const { orders, orderItems, orderStatusHistory } = ordersTables(db);
  const { payments } = ordersTables(db);
  const id = newId("ord");
  const totalCents = values.totalCents ?? 2000;
  const createdAt = values.createdAt ?? new Date();
  await db.orm.insert(orders).values({
    id,
    number: await nextOrderNumber(db),
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
  return { id };
}

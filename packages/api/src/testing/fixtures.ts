/** Categories, products, carts, orders and an address made directly in the database, for tests of any domain. */
import {
  type Address,
  type Db,
  newId,
  nextOrderNumber,
  type OrderStatus,
  optionValuesText,
  type ProductOption,
  type ProductStatus,
  type VariantOptions,
  type VariantStatus,
} from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { ordersTables } from "@shopwright/db/tables/orders";
import { pricingTables } from "@shopwright/db/tables/pricing";
import { asc, eq } from "drizzle-orm";
import { bumpPricingVersion } from "../pricing/version.ts";

export const testAddress: Address = {
  name: "Ada Lovelace",
  line1: "12 Analytical Row",
  city: "London",
  postalCode: "N1 9GU",
  country: "GB",
};

/**
 * A zone shipping to these countries (the test address's by default) with one method, free unless
 * priced: a shop with no zones ships nowhere, so a test that checks out sets one up first.
 */
export async function openShipping(
  db: Db,
  method: { countries?: string[]; name?: string; priceCents?: number; freeAboveCents?: number } = {},
) {
  const { shippingZones, shippingZoneCountries, shippingMethods } = pricingTables(db);
  const zoneId = newId("zone");
  const methodId = newId("ship");
  await db.orm.insert(shippingZones).values({ id: zoneId, name: "Test zone" });
  await db.orm
    .insert(shippingZoneCountries)
    .values((method.countries ?? [testAddress.country]).map((country) => ({ zoneId, country })));
  await db.orm.insert(shippingMethods).values({
    id: methodId,
    zoneId,
    name: method.name ?? "Standard",
    estimate: "2–3 working days",
    priceCents: method.priceCents ?? 0,
    freeAboveCents: method.freeAboveCents ?? null,
  });
  await bumpPricingVersion(db);
  return { zoneId, methodId };
}

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

interface FixtureVariant {
  sku?: string;
  options: VariantOptions;
  priceCents?: number;
  stock?: number;
  status?: VariantStatus;
}

/**
 * A product, in a category of its own unless `categoryId` is given: with `options`, the `variants`
 * given; without, one variant of `priceCents` and `stock` (as every simple product has).
 */
export async function createProduct(
  db: Db,
  options: {
    categoryId?: string;
    name?: string;
    slug?: string;
    description?: string;
    priceCents?: number;
    stock?: number;
    status?: ProductStatus;
    createdAt?: Date;
    options?: ProductOption[];
    variants?: FixtureVariant[];
  } = {},
) {
  const { products, productVariants } = catalogTables(db);
  const categoryId = options.categoryId ?? (await createCategory(db)).id;
  const id = newId("prod");
  const name = options.name ?? `Product ${id.slice(-6)}`;
  const slug = options.slug ?? slugOf(id);
  const priceCents = options.priceCents ?? 1_250;
  const variants = (options.variants ?? [{ options: {} }]).map((v, position) => ({
    id: newId("var"),
    productId: id,
    sku: v.sku ?? `${slug}-${position + 1}`,
    options: v.options,
    priceCents: v.priceCents ?? priceCents,
    stock: v.stock ?? options.stock ?? 10,
    status: v.status ?? "active",
    position,
  }));
  const forSale = variants.filter((v) => v.status === "active");
  const prices = (forSale.length > 0 ? forSale : variants).map((v) => v.priceCents);
  await db.orm.insert(products).values({
    id,
    slug,
    name,
    description: options.description ?? "A thing",
    priceCents: Math.min(...prices),
    maxPriceCents: Math.max(...prices),
    options: options.options ?? [],
    optionValues: optionValuesText(options.options ?? [], variants),
    status: options.status ?? "active",
    categoryId,
    ...(options.createdAt ? { createdAt: options.createdAt, updatedAt: options.createdAt } : {}),
  });
  await db.orm.insert(productVariants).values(variants);
  return { id, name, variantId: variants[0]!.id, variants };
}

/** A product's first variant: what a test means by "the product" when it has one. */
export async function firstVariantOf(db: Db, productId: string) {
  const { productVariants } = catalogTables(db);
  const [variant] = await db.orm
    .select({ id: productVariants.id, sku: productVariants.sku, options: productVariants.options })
    .from(productVariants)
    .where(eq(productVariants.productId, productId))
    .orderBy(asc(productVariants.position), asc(productVariants.id))
    .limit(1);
  if (!variant) throw new Error(`product ${productId} has no variant`);
  return variant;
}

/** A variant's stock now. */
export async function variantStock(db: Db, variantId: string): Promise<number | undefined> {
  const { productVariants } = catalogTables(db);
  const [row] = await db.orm
    .select({ stock: productVariants.stock })
    .from(productVariants)
    .where(eq(productVariants.id, variantId));
  return row?.stock;
}

/**
 * Adds lines to the user's cart, making the cart if there is none. A line names its variant, or a
 * product standing for its first variant.
 */
export async function fillCart(
  db: Db,
  userId: string,
  lines: ({ variantId: string; quantity: number } | { productId: string; quantity: number })[],
) {
  const { carts, cartItems } = cartTables(db);
  await db.orm
    .insert(carts)
    .values({ id: newId("cart"), userId })
    .onConflictDoNothing();
  const [cart] = await db.orm.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId));
  const cartId = cart!.id;
  const now = Date.now();
  // Distinct times keep the lines in the order given (carts list lines by when they were added).
  const rows = [];
  for (const [i, line] of lines.entries()) {
    const variantId = "variantId" in line ? line.variantId : (await firstVariantOf(db, line.productId)).id;
    rows.push({ cartId, variantId, quantity: line.quantity, addedAt: new Date(now + i) });
  }
  await db.orm.insert(cartItems).values(rows);
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
  const variant = await firstVariantOf(db, values.productId);
  await db.orm.insert(orderItems).values({
    id: newId("oi"),
    orderId: id,
    productId: values.productId,
    variantId: variant.id,
    sku: variant.sku,
    options: variant.options,
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

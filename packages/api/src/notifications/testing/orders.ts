/** Orders written straight into the tables, so notification tests do not depend on checkout. */
import { type Db, newId, nextOrderNumber } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { ordersTables } from "@shopwright/db/tables/orders";

export async function insertTestOrder(db: Db, options: { name?: string; email?: string } = {}) {
  const { users } = authTables(db);
  const { categories, products, productVariants } = catalogTables(db);
  const { orders, orderItems } = ordersTables(db);
  const userId = newId("usr");
  const email = options.email ?? `${userId}@example.com`;
  await db.orm.insert(users).values({ id: userId, email, name: options.name ?? "Ada Lovelace", passwordHash: "!" });
  const categoryId = newId("cat");
  await db.orm.insert(categories).values({ id: categoryId, slug: categoryId, name: "Tea" });
  const lines = [
    { name: "Darjeeling <First Flush>", unitPriceCents: 1250, quantity: 2 },
    { name: "Tea & Cups", unitPriceCents: 3999, quantity: 1 },
  ];
  const orderId = newId("ord");
  const number = await nextOrderNumber(db);
  await db.orm.insert(orders).values({
    id: orderId,
    number,
    userId,
    email,
    status: "placed",
    subtotalCents: 6499,
    shippingCents: 500,
    totalCents: 6999,
    pricing: {
      taxIncluded: false,
      taxShipping: false,
      taxRate: null,
      discount: null,
      shippingMethod: { id: "ship_test", name: "Standard", estimate: "2–3 working days", priceCents: 500, taxCents: 0 },
    },
    shippingAddress: {
      name: "Ada Lovelace",
      line1: "12 St James's Square",
      city: "London",
      postalCode: "SW1Y 4JH",
      country: "GB",
    },
  });
  for (const line of lines) {
    const productId = newId("prod");
    await db.orm.insert(products).values({
      id: productId,
      slug: productId,
      name: line.name,
      description: "",
      priceCents: line.unitPriceCents,
      maxPriceCents: line.unitPriceCents,
      categoryId,
    });
    const variantId = newId("var");
    const sku = `SKU-${productId.slice(-6)}`;
    await db.orm
      .insert(productVariants)
      .values({ id: variantId, productId, sku, options: {}, priceCents: line.unitPriceCents, stock: 10 });
    await db.orm.insert(orderItems).values({
      id: newId("oit"),
      orderId,
      productId,
      variantId,
      sku,
      options: {},
      ...line,
      totalCents: line.unitPriceCents * line.quantity,
    });
  }
  return { orderId, number, email };
}

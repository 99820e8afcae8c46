/** Products, carts and an address made directly in the database, for tests of any domain. */
import { type Address, type Db, newId } from "@shopwright/db";
import { eq } from "drizzle-orm";

export const testAddress: Address = {
  name: "Ada Lovelace",
  line1: "12 Analytical Row",
  city: "London",
  postalCode: "N1 9GU",
  country: "GB",
};

export async function createProduct(db: Db, options: { priceCents?: number; stock?: number; name?: string } = {}) {
  const { categories, products } = db.tables;
  const categoryId = newId("cat");
  await db.orm.insert(categories).values({ id: categoryId, slug: categoryId, name: "Things" });
  const id = newId("prod");
  const name = options.name ?? `Product ${id.slice(-6)}`;
  await db.orm.insert(products).values({
    id,
    slug: id,
    name,
    description: "A thing",
    priceCents: options.priceCents ?? 1_250,
    stock: options.stock ?? 10,
    categoryId,
  });
  return { id, name };
}

/** Adds lines to the user's cart, making the cart if there is none. */
export async function fillCart(db: Db, userId: string, lines: { productId: string; quantity: number }[]) {
  const { carts, cartItems } = db.tables;
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

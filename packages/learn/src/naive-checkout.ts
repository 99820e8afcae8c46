/**
 * THE WRONG WAY to check out, kept here to be watched failing and nowhere in the shop: the client
 * sends its lines, the server writes stock, order, lines and cart in separate statements with no
 * transaction and no idempotency key. A retried request places a second order; a crash between
 * two statements leaves whatever was written so far.
 */
import { type Address, type Db, newId, nextOrderNumber } from "@shopwright/db";
import { cartTables } from "@shopwright/db/tables/cart";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { ordersTables } from "@shopwright/db/tables/orders";
import { eq, sql } from "drizzle-orm";

export interface NaiveLine {
  productId: string;
  variantId: string;
  quantity: number;
  priceCents: number;
}

export async function naiveCheckout(
  db: Db,
  input: { userId: string; email: string; address: Address; lines: NaiveLine[] },
  /** Called after each write; the crash experiment dies in it. */
  afterWrite: (step: string) => Promise<void> | void = () => undefined,
): Promise<string> {
  const { orders, orderItems } = ordersTables(db);
  const { productVariants } = catalogTables(db);
  const { carts, cartItems } = cartTables(db);
  for (const line of input.lines) {
    await db.orm
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} - ${line.quantity}` })
      .where(eq(productVariants.id, line.variantId));
    await afterWrite("stock");
  }
  const orderId = newId("ord");
  const totalCents = input.lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
  await db.orm.insert(orders).values({
    id: orderId,
    number: await nextOrderNumber(db),
    userId: input.userId,
    email: input.email,
    status: "placed",
    subtotalCents: totalCents,
    totalCents,
    shippingAddress: input.address,
  });
  await afterWrite("order");
  for (const line of input.lines) {
    await db.orm.insert(orderItems).values({
      id: newId("oi"),
      orderId,
      productId: line.productId,
      variantId: line.variantId,
      name: "Product",
      sku: "SKU",
      options: {},
      unitPriceCents: line.priceCents,
      quantity: line.quantity,
    });
    await afterWrite("order line");
  }
  const [cart] = await db.orm.select({ id: carts.id }).from(carts).where(eq(carts.userId, input.userId));
  if (cart) await db.orm.delete(cartItems).where(eq(cartItems.cartId, cart.id));
  await afterWrite("cart");
  return orderId;
}

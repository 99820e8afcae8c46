import type { Cart } from "../../lib/types.ts";

/**
 * The cart as it will look once a quantity change is accepted, for showing it before the server
 * answers. Quantity 0 removes the line. The subtotal counts available lines only, as the server's does.
 */
export function withQuantity(cart: Cart, variantId: string, quantity: number): Cart {
  const items =
    quantity === 0
      ? cart.items.filter((item) => item.variantId !== variantId)
      : cart.items.map((item) => (item.variantId === variantId ? { ...item, quantity } : item));
  const subtotalCents = items.reduce((sum, item) => (item.available ? sum + item.priceCents * item.quantity : sum), 0);
  return { ...cart, items, subtotalCents };
}

export function itemCount(cart: Cart | undefined): number {
  return cart?.items.reduce((sum, item) => sum + item.quantity, 0) ?? 0;
}

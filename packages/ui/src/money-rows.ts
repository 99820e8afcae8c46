/**
 * An order's money as rows, in the pipeline's order (line prices → discount → shipping → tax →
 * total): the checkout, the order pages, the admin's order view and the receipt email all print
 * these, so they can never disagree on a label or a sign. Free of imports, so the server's emails
 * can use it too.
 */
export interface MoneyParts {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  /** EU style: the tax is inside the prices, shown as "Tax included" and not added. */
  taxIncluded: boolean;
  /** The code that took the discount off. */
  discountCode?: string | null;
  /** The delivery method charged; absent before one applies (no address yet). */
  shippingName?: string | null;
}

export interface MoneyRow {
  label: string;
  /** Negative for the discount, which is taken off. */
  cents: number;
  kind: "subtotal" | "discount" | "shipping" | "tax" | "total";
}

export function moneyRows(parts: MoneyParts): MoneyRow[] {
  const rows: MoneyRow[] = [{ label: "Subtotal", cents: parts.subtotalCents, kind: "subtotal" }];
  if (parts.discountCents > 0) {
    const label = parts.discountCode ? `Discount (${parts.discountCode})` : "Discount";
    rows.push({ label, cents: -parts.discountCents, kind: "discount" });
  }
  if (parts.shippingName || parts.shippingCents > 0) {
    const label = parts.shippingName ? `Shipping (${parts.shippingName})` : "Shipping";
    rows.push({ label, cents: parts.shippingCents, kind: "shipping" });
  }
  if (parts.taxCents > 0) {
    rows.push({ label: parts.taxIncluded ? "Tax included" : "Tax", cents: parts.taxCents, kind: "tax" });
  }
  rows.push({ label: "Total", cents: parts.totalCents, kind: "total" });
  return rows;
}

/** A placed order as `orders.byId` and `admin.orders.byId` return it, as money parts. */
export function orderMoneyParts(order: {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  taxIncluded: boolean;
  discount: { code: string } | null;
  shippingMethod: { name: string } | null;
}): MoneyParts {
  return { ...order, discountCode: order.discount?.code, shippingName: order.shippingMethod?.name };
}

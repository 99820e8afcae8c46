import type { DiscountKind } from "./enums.ts";

/**
 * What the pricing pipeline was given and decided for one order, kept with it so a placed order
 * never changes when the merchant edits a rate, a method or a code (docs/architecture.md, "Pricing").
 */
export interface OrderPricing {
  /** EU style: the lines' prices included the tax. */
  taxIncluded: boolean;
  taxShipping: boolean;
  /** The rate applied, as the merchant wrote it; null when none applied. */
  taxRate: { country: string; region: string | null; ratePercent: string } | null;
  discount: {
    code: string;
    kind: DiscountKind;
    value: number;
    categoryId: string | null;
    amountCents: number;
  } | null;
  shippingMethod: { id: string; name: string; estimate: string; priceCents: number; taxCents: number } | null;
}

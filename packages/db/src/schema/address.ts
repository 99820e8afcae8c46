import { type Address, addressProblems, normalizeAddress } from "@shopwright/address";
import { z } from "zod";
import { text } from "../text.ts";

/**
 * A shipping address as the shop accepts it: the rules and the stored form come from
 * @shopwright/address (which the storefront checks its form with too); this schema adds what any
 * stored text must be, and reports every problem at once, each under its field.
 */
export const addressSchema = z
  .object({
    name: text(),
    line1: text(),
    line2: text().optional(),
    city: text(),
    region: text().optional(),
    postalCode: text(),
    country: text(),
  })
  .superRefine((address, ctx) => {
    for (const [field, message] of Object.entries(addressProblems(address))) {
      ctx.addIssue({ code: "custom", path: [field], message });
    }
  })
  .transform((address): Address => normalizeAddress(address));

export type { Address };

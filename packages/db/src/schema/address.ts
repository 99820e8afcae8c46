import { z } from "zod";
import { text } from "../text.ts";
import { isCountryCode, postalFormat } from "./countries.ts";

/**
 * A shipping address as the shop stores it: free-form lines, an ISO 3166-1 alpha-2 country, and a
 * postal code in that country's format (upper-cased, as post offices print them).
 */
export const addressSchema = z
  .object({
    name: text().trim().min(1, "Enter the recipient's name").max(200),
    line1: text().trim().min(1, "Enter the street address").max(200),
    line2: text().trim().max(200).optional(),
    city: text().trim().min(1, "Enter the city").max(100),
    postalCode: text()
      .trim()
      .min(1, "Enter the postal code")
      .max(20)
      .transform((code) => code.toUpperCase()),
    country: text()
      .trim()
      .transform((c) => c.toUpperCase())
      .refine(isCountryCode, "Choose a country from the list"),
  })
  .superRefine((address, ctx) => {
    if (!isCountryCode(address.country) || address.postalCode === "") return;
    const { pattern, example } = postalFormat(address.country);
    if (!pattern.test(address.postalCode)) {
      ctx.addIssue({
        code: "custom",
        path: ["postalCode"],
        message: example ? `Use a postal code like ${example}` : "Enter a valid postal code",
      });
    }
  });

export type Address = z.output<typeof addressSchema>;

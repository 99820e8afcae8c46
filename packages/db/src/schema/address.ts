import { z } from "zod";

/** A shipping address as the shop stores it: free-form lines, an ISO 3166-1 alpha-2 country. */
export const addressSchema = z.object({
  name: z.string().trim().min(1).max(200),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).optional(),
  city: z.string().trim().min(1).max(100),
  postalCode: z.string().trim().min(1).max(20),
  country: z
    .string()
    .trim()
    .length(2)
    .regex(/^[A-Za-z]{2}$/, "Use a two-letter country code")
    .transform((c) => c.toUpperCase()),
});

export type Address = z.output<typeof addressSchema>;

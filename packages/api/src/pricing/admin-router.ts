/**
 * The merchant's pricing controls: `admin.shipping.*`, `admin.taxes.*` and `admin.discounts.*`
 * (names fixed by API.md). Inputs are typed here; the services run the pricing rules on them and
 * refuse, with a sentence on the field, anything the rules find wrong.
 */
import { discountKinds, text } from "@shopwright/db";
import { z } from "zod";
import { adminProcedure } from "../auth/procedures.ts";
import { router } from "../trpc.ts";
import { createDiscountCode, deleteDiscountCode, listDiscountCodes, updateDiscountCode } from "./discount-codes.ts";
import { createShippingZone, deleteShippingZone, listShippingZones, updateShippingZone } from "./shipping-zones.ts";
import { loadTaxSettings, updateTaxSettings } from "./tax-settings.ts";

const id = text().min(1).max(100);
/** Amounts are checked by the pricing rules, which word the bounds; here only their kind. */
const cents = z.number().int("Enter whole cents");
const whole = z.number().int("Enter a whole number");
const country = text().trim().max(8);

const zone = z.object({
  name: text().trim().min(1, "Give the zone a name").max(100),
  countries: z.array(country).max(300),
  methods: z
    .array(
      z.object({
        id: id.optional(),
        name: text().trim().min(1, "Give the method a name").max(100),
        estimate: text().trim().min(1, "Say how long delivery takes, such as 3–5 working days").max(100),
        priceCents: cents,
        freeAboveCents: cents.nullish(),
        active: z.boolean().optional(),
      }),
    )
    .max(20),
});

export const adminShippingRouter = router({
  listZones: adminProcedure.query(({ ctx }) => listShippingZones(ctx.db)),
  createZone: adminProcedure
    .input(zone)
    .mutation(({ ctx, input }) => createShippingZone(ctx.db, ctx.viewer.userId, input)),
  /** Replaces the zone's name, countries and methods; send a kept method's `id` so it keeps it. */
  updateZone: adminProcedure
    .input(zone.extend({ id }))
    .mutation(({ ctx, input: { id, ...fields } }) => updateShippingZone(ctx.db, ctx.viewer.userId, id, fields)),
  deleteZone: adminProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => deleteShippingZone(ctx.db, ctx.viewer.userId, input.id)),
});

export const adminTaxesRouter = router({
  get: adminProcedure.query(({ ctx }) => loadTaxSettings(ctx.db)),
  /** Replaces the settings and the whole list of rates. */
  update: adminProcedure
    .input(
      z.object({
        pricesIncludeTax: z.boolean(),
        taxShipping: z.boolean(),
        rates: z
          .array(
            z.object({
              country,
              region: text().trim().max(8).nullish(),
              ratePercent: text().trim().max(20),
            }),
          )
          .max(500),
      }),
    )
    .mutation(({ ctx, input }) => updateTaxSettings(ctx.db, ctx.viewer.userId, input)),
});

const discount = z.object({
  code: text().max(100),
  kind: z.enum(discountKinds),
  value: whole,
  categoryId: id.nullish(),
  minSubtotalCents: cents.nullish(),
  startsAt: z.date().nullish(),
  endsAt: z.date().nullish(),
  usageLimit: whole.nullish(),
  oncePerCustomer: z.boolean().optional(),
  active: z.boolean().optional(),
});

export const adminDiscountsRouter = router({
  list: adminProcedure.query(({ ctx }) => listDiscountCodes(ctx.db)),
  create: adminProcedure
    .input(discount)
    .mutation(({ ctx, input }) => createDiscountCode(ctx.db, ctx.viewer.userId, input)),
  /** Any of the fields; `active: false` pauses the code. */
  update: adminProcedure
    .input(discount.partial().extend({ id }))
    .mutation(({ ctx, input: { id, ...patch } }) => updateDiscountCode(ctx.db, ctx.viewer.userId, id, patch)),
  /** Only a code no order has used; a used one is paused instead. */
  delete: adminProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => deleteDiscountCode(ctx.db, ctx.viewer.userId, input.id)),
});

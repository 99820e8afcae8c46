import { text } from "@shopwright/db";
import { z } from "zod";
import { pageInput } from "../lib/listing.ts";
import { router } from "../trpc.ts";
import { customerById, listCustomers } from "./customers.ts";
import { adminProcedure } from "./procedures.ts";

export const adminCustomersRouter = router({
  /** Customer accounts newest first, with when each verified its email (null: not yet). */
  list: adminProcedure
    .input(
      z
        .object({
          /** Part of the customer's email or name. */
          q: text().trim().max(320).optional(),
          verified: z.boolean().optional(),
          ...pageInput,
        })
        .default({ page: 1, pageSize: 20 }),
    )
    .query(({ ctx, input }) => listCustomers(ctx.db, input)),

  /** One account: verified or not, and the new address an email change waits on (`pendingEmail`). */
  byId: adminProcedure
    .input(z.object({ id: text().min(1).max(100) }))
    .query(({ ctx, input }) => customerById(ctx.db, input.id)),
});

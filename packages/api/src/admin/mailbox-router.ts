import { z } from "zod";
import { getMailboxMessage, listMailbox } from "../notifications/mailbox.ts";
import { adminProcedure, router } from "../trpc.ts";

export const adminMailboxRouter = router({
  list: adminProcedure.query(({ ctx }) => listMailbox(ctx.db)),
  get: adminProcedure
    .input(z.object({ id: z.string().min(1) }))
    .query(({ ctx, input }) => getMailboxMessage(ctx.db, input.id)),
});

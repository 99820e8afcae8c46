import { text } from "@shopwright/db";
import { z } from "zod";
import { adminProcedure } from "../auth/procedures.ts";
import { router } from "../trpc.ts";
import { getMailboxMessage, listMailbox } from "./mailbox.ts";

export const adminMailboxRouter = router({
  list: adminProcedure.query(({ ctx }) => listMailbox(ctx.db)),
  get: adminProcedure
    .input(z.object({ id: text().min(1) }))
    .query(({ ctx, input }) => getMailboxMessage(ctx.db, input.id)),
});

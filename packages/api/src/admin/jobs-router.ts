import { listJobs, retryJob } from "@shopwright/jobs";
import { z } from "zod";
import { notFound } from "../errors.ts";
import { adminProcedure, router } from "../trpc.ts";

export const adminJobsRouter = router({
  list: adminProcedure
    .input(z.object({ state: z.enum(["pending", "failed", "permanently_failed"]) }))
    .query(({ ctx, input }) => listJobs(ctx.db, input.state)),
  retry: adminProcedure
    .input(z.object({ id: z.string().regex(/^\d+$/, "A job id is a number") }))
    .mutation(async ({ ctx, input }) => {
      if (!(await retryJob(ctx.db, input.id))) throw notFound("Job (or it is running right now)");
      return { id: input.id };
    }),
});

import { text } from "@shopwright/db";
import { listJobs, retryJob } from "@shopwright/jobs";
import { z } from "zod";
import { adminProcedure } from "../auth/procedures.ts";
import { conflict, notFound } from "../errors.ts";
import { router } from "../trpc.ts";

export const adminJobsRouter = router({
  list: adminProcedure
    .input(z.object({ state: z.enum(["pending", "failed", "permanently_failed"]) }))
    .query(({ ctx, input }) => listJobs(ctx.db, input.state)),
  retry: adminProcedure
    .input(z.object({ id: text().regex(/^\d{1,18}$/, "A job id is a number") }))
    .mutation(async ({ ctx, input }) => {
      const result = await retryJob(ctx.db, input.id);
      if (result === "not_found") throw notFound("Job");
      if (result === "running") throw conflict("The job is running right now; retry it if it fails");
      return { id: input.id };
    }),
});

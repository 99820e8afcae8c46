import { router } from "../trpc.ts";
import { adminJobsRouter } from "./jobs-router.ts";
import { adminMailboxRouter } from "./mailbox-router.ts";

export const adminRouter = router({
  jobs: adminJobsRouter,
  mailbox: adminMailboxRouter,
});

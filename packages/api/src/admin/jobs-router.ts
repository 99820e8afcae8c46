import { router } from "../trpc.ts";

export const adminJobsRouter = router({});

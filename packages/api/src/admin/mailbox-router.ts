import { router } from "../trpc.ts";

export const adminMailboxRouter = router({});

import { router } from "../trpc.ts";

export const cartRouter = router({});

/** The storefront's API: one shop client, query cache and options proxy for the whole app. */
import { createApi } from "./create-api.ts";

export const { shop, queryClient, trpc, session } = createApi();

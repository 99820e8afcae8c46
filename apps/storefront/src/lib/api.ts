/** The storefront's API: one client, query cache and options proxy for the whole app. */
import { createApi } from "./create-api.ts";

export const { client, queryClient, trpc, session } = createApi();

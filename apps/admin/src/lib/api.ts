/**
 * The admin app's one tRPC setup ("without React context"): the shop client from
 * @shopwright/client (access token in memory, the refresh token in the httpOnly `sw_refresh`
 * cookie, one silent refresh and retry on UNAUTHORIZED), the query cache, and the options proxy
 * components use as `useQuery(trpc.admin.x.queryOptions(input))`.
 */

import type { AppRouter } from "@shopwright/client";
import { createShopClient, isRefusal, isShopError } from "@shopwright/client";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { session } from "./session.ts";

/** The API is on the page's own origin, under /trpc. */
export const shop = createShopClient({ url: "", tokenDelivery: "cookie" });

/** A call answered UNAUTHORIZED after the client's own refresh attempt means the session is over. */
const endSessionOnUnauthorized = (error: unknown) => {
  if (isShopError(error, "UNAUTHORIZED")) session.end("Your session has ended. Please sign in again.");
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: endSessionOnUnauthorized }),
  mutationCache: new MutationCache({ onError: endSessionOnUnauthorized }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (failures, error) => failures < 2 && !isRefusal(error),
    },
  },
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: shop.trpc, queryClient });

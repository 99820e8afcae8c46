/**
 * How the storefront's one API setup is built ("without React context"): the shop client from
 * @shopwright/client (which carries the access token and guest cart token, and answers an
 * expired access token with one silent refresh and a retry), the QueryClient, and the options
 * proxy components use as `useQuery(trpc.x.queryOptions(input))`.
 */
import { type AppRouter, createShopClient, isRefusal } from "@shopwright/client";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { Session } from "./session.ts";

export function createApi(options: { url?: string; fetch?: typeof fetch } = {}) {
  const session = new Session();
  const shop = createShopClient({
    url: options.url ?? "",
    tokenStore: session,
    tokenDelivery: "cookie",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const queryClient = new QueryClient({
    defaultOptions: {
      // "always": offline, a call fails at once and says so. TanStack's default ("online") would
      // pause it instead, leaving "Adding…" on screen, or an optimistic quantity looking saved.
      queries: {
        networkMode: "always",
        staleTime: 30_000,
        retry: (failures, error) => failures < 2 && !isRefusal(error),
      },
      mutations: { networkMode: "always" },
    },
  });

  const trpc = createTRPCOptionsProxy<AppRouter>({ client: shop.trpc, queryClient });
  return { shop, queryClient, trpc, session };
}

/**
 * How the storefront's one tRPC setup is built ("without React context"): a typed client, the QueryClient and
 * the options proxy components use as `useQuery(trpc.x.queryOptions(input))`.
 *
 * The client carries the session: the access token and guest cart token go out as headers, and
 * an UNAUTHORIZED answer to a signed-in call triggers one silent refresh and one retry.
 * TODO(client): @shopwright/client is gaining this session handling on its own branch; once it is
 * merged this file should build on it instead of wiring links itself.
 */
import type { AppRouter } from "@shopwright/api";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, isTRPCClientError, retryLink, type TRPCFetch } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import { Session } from "./session.ts";

/** Sign-in calls answer UNAUTHORIZED for bad credentials; refreshing would not help them. */
const NO_RENEWAL = new Set(["auth.refresh", "auth.login", "auth.register", "auth.logout"]);

export function createApi(options: { url?: string; fetch?: TRPCFetch } = {}) {
  const url = options.url ?? "/trpc";
  const fetch = options.fetch;

  const refreshClient = createTRPCClient<AppRouter>({
    links: [httpLink({ url, transformer: superjson, ...(fetch ? { fetch } : {}) })],
  });
  const session = new Session(async () => {
    try {
      const { accessToken } = await refreshClient.auth.refresh.mutate({});
      return accessToken;
    } catch (error) {
      if (isTRPCClientError(error) && error.data?.code === "UNAUTHORIZED") return null;
      throw error;
    }
  });

  const client = createTRPCClient<AppRouter>({
    links: [
      retryLink({
        retry({ op, error, attempts }) {
          const renewable =
            attempts === 1 &&
            error.data?.code === "UNAUTHORIZED" &&
            session.accessToken !== null &&
            !NO_RENEWAL.has(op.path);
          // The retried call goes through the batch link below, whose headers wait for this renewal.
          if (renewable) void session.renew();
          return renewable;
        },
      }),
      httpBatchLink({
        url,
        transformer: superjson,
        ...(fetch ? { fetch } : {}),
        async headers() {
          await session.settled();
          const headers: Record<string, string> = {};
          if (session.accessToken) headers.authorization = `Bearer ${session.accessToken}`;
          if (session.cartToken) headers["x-cart-token"] = session.cartToken;
          return headers;
        },
      }),
    ],
  });

  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          failures < 2 && !(isTRPCClientError(error) && (error.data?.httpStatus ?? 500) < 500),
      },
    },
  });

  const trpc = createTRPCOptionsProxy<AppRouter>({ client, queryClient });
  return { client, queryClient, trpc, session };
}

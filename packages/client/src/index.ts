import type { AppRouter } from "@shopwright/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";

/** A typed tRPC client for the shop at `url` (its origin, e.g. http://127.0.0.1:3000). */
export function createShopClient(options: { url: string }) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${options.url.replace(/\/$/, "")}/trpc`, transformer: superjson })],
  });
}

/**
 * The app's API module over a stub shop. Test files swap it in with:
 *   vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));
 */
import { createApi } from "../lib/create-api.ts";
import { createStubShop, STUB_ORIGIN } from "./stub-shop.ts";

export const server = createStubShop();
export const { shop, queryClient, trpc, session } = createApi({ url: STUB_ORIGIN, fetch: server.fetch });

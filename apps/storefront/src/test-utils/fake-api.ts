/**
 * The app's API module over a fake server. Test files swap it in with:
 *   vi.mock("../lib/api.ts", () => import("../test-utils/fake-api.ts"));
 */
import { createApi } from "../lib/create-api.ts";
import { createFakeServer, FAKE_ORIGIN } from "./fake-server.ts";

export const server = createFakeServer();
export const { shop, queryClient, trpc, session } = createApi({ url: FAKE_ORIGIN, fetch: server.fetch });

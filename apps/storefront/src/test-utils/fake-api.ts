/**
 * The app's API module over a fake server. Test files swap it in with:
 *   vi.mock("../lib/api.ts", () => import("../test-utils/fake-api.ts"));
 */
import { createApi } from "../lib/create-api.ts";
import { createFakeServer, FAKE_URL } from "./fake-server.ts";

export const server = createFakeServer();
export const { client, queryClient, trpc, session } = createApi({ url: FAKE_URL, fetch: server.fetch });

/**
 * A stand-in for the shop's /trpc endpoint: a router with the procedures the storefront calls,
 * served by tRPC's own `fetchRequestHandler` (superjson, batching, error shapes), whose answers
 * each test sets with `on(path, handler)`. Components under test run the app's real client, links
 * and query cache over the real wire format, with no database or port.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";

export const STUB_ORIGIN = "http://shop.test";

export interface Call {
  path: string;
  input: unknown;
  headers: Headers;
}

// biome-ignore lint/suspicious/noExplicitAny: each handler reads the input its procedure takes
type Handler = (input: any, call: Call) => unknown;

interface Issue {
  path: string[];
  message: string;
}

/** A BAD_REQUEST carrying per-field issues, as the shop's zod validation answers. */
export function invalidInput(issues: Issue[]): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message: "Invalid input",
    cause: Object.assign(new Error(), { issues }),
  });
}

const t = initTRPC.context<{ headers: Headers }>().create({
  transformer: superjson,
  // The shop's formatter puts the zod issues under `data.issues`; the forms read them there.
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    data: { ...shape.data, issues: (error.cause as { issues?: Issue[] } | undefined)?.issues ?? null },
  }),
});

export function createStubShop() {
  const handlers = new Map<string, Handler>();
  const calls: Call[] = [];

  const answer = async ({ path, input, ctx }: { path: string; input: unknown; ctx: { headers: Headers } }) => {
    const call = { path, input, headers: ctx.headers };
    calls.push(call);
    const handler = handlers.get(path);
    if (!handler) throw new TRPCError({ code: "NOT_FOUND", message: `No answer set for ${path}` });
    return handler(input, call);
  };
  const any = t.procedure.input((raw: unknown) => raw);
  const query = any.query(answer);
  const mutation = any.mutation(answer);

  const router = t.router({
    auth: t.router({
      me: query,
      login: mutation,
      register: mutation,
      refresh: mutation,
      logout: mutation,
      updateProfile: mutation,
      requestEmailVerification: mutation,
      requestEmailChange: mutation,
      verifyEmail: mutation,
    }),
    catalog: t.router({ categories: query, search: query, product: query }),
    cart: t.router({ get: query, addItem: mutation, updateItem: mutation, removeItem: mutation }),
    orders: t.router({
      list: query,
      byId: query,
      byAccessToken: query,
      findMyOrder: mutation,
      retryPayment: mutation,
      checkout: mutation,
      checkoutSummary: query,
      shippingCountries: query,
    }),
  });

  let reachable = true;
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // What a browser's fetch does when the shop is down or the phone has no signal.
    if (!reachable) throw new TypeError("Failed to fetch");
    return fetchRequestHandler({
      endpoint: "/trpc",
      req: new Request(input, init),
      router,
      createContext: ({ req }) => ({ headers: req.headers }),
    });
  };

  return {
    fetch,
    on(path: string, handler: Handler) {
      handlers.set(path, handler);
    },
    callsTo: (path: string) => calls.filter((call) => call.path === path),
    /** While false, every call fails as a dropped connection does, before reaching the shop. */
    setReachable(value: boolean) {
      reachable = value;
    },
    reset() {
      handlers.clear();
      calls.length = 0;
      reachable = true;
    },
  };
}

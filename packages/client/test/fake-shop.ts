/**
 * A tiny in-process stand-in for the shop's auth, cart and orders procedures, speaking real tRPC
 * (superjson, batching) through `fetchRequestHandler`, so the client's session logic is tested
 * over its actual wire format without a database or a port.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";

interface Ctx {
  accessToken: string | undefined;
  cartToken: string | undefined;
  hasRefreshCookie: boolean;
}

const t = initTRPC.context<Ctx>().create({
  transformer: superjson,
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    data: {
      ...shape.data,
      details: (error.cause as { details?: Record<string, unknown> } | undefined)?.details ?? null,
    },
  }),
});

const string = (value: unknown) => {
  if (typeof value !== "string") throw new TRPCError({ code: "BAD_REQUEST", message: "Expected a string" });
  return value;
};

export function createFakeShop() {
  const state = {
    accessToken: "access-1",
    refreshToken: "refresh-1",
    generation: 1,
    refreshCalls: 0,
    refreshDelayMs: 0,
    requests: 0,
    cartTokensSeen: [] as (string | undefined)[],
    loginCartTokens: [] as (string | undefined)[],
    loggedOut: false,
    refreshCookieSet: false,
    rejectAllAccess: false,
  };

  const rotate = () => {
    state.generation += 1;
    state.accessToken = `access-${state.generation}`;
    state.refreshToken = `refresh-${state.generation}`;
  };
  const issued = (delivery: unknown) => ({
    accessToken: state.accessToken,
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000),
    ...(delivery === "body" ? { refreshToken: state.refreshToken } : {}),
  });
  const signedIn = t.middleware(({ ctx, next }) => {
    if (state.rejectAllAccess || !ctx.accessToken || ctx.accessToken !== state.accessToken)
      throw new TRPCError({ code: "UNAUTHORIZED" });
    return next();
  });

  const router = t.router({
    auth: t.router({
      login: t.procedure
        .input((raw) => {
          const input = raw as Record<string, unknown>;
          return {
            email: string(input.email),
            password: string(input.password),
            tokenDelivery: input.tokenDelivery as "cookie" | "body" | undefined,
            cartToken: input.cartToken as string | undefined,
          };
        })
        .mutation(({ input }) => {
          if (input.password !== "correct horse")
            throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });
          state.loginCartTokens.push(input.cartToken);
          state.refreshCookieSet = input.tokenDelivery !== "body";
          rotate();
          return {
            ...issued(input.tokenDelivery),
            user: { id: "usr_1", email: input.email, name: "Ada", role: "customer" },
          };
        }),
      refresh: t.procedure
        .input((raw) => ({ refreshToken: (raw as { refreshToken?: string } | undefined)?.refreshToken }))
        .mutation(async ({ ctx, input }) => {
          state.refreshCalls += 1;
          await new Promise((resolve) => setTimeout(resolve, state.refreshDelayMs));
          const presented = input.refreshToken ?? (ctx.hasRefreshCookie ? state.refreshToken : undefined);
          if (presented !== state.refreshToken) throw new TRPCError({ code: "UNAUTHORIZED" });
          rotate();
          return issued(input.refreshToken ? "body" : "cookie");
        }),
      logout: t.procedure.use(signedIn).mutation(() => {
        state.loggedOut = true;
        state.accessToken = "revoked";
        state.refreshToken = "revoked";
        return { ok: true as const };
      }),
    }),
    cart: t.router({
      addItem: t.procedure
        .input((raw) => {
          const input = raw as Record<string, unknown>;
          if (typeof input.quantity !== "number") throw new TRPCError({ code: "BAD_REQUEST" });
          return { productId: string(input.productId), quantity: input.quantity };
        })
        .mutation(({ ctx, input }) => {
          state.cartTokensSeen.push(ctx.cartToken);
          if (input.quantity > 5) {
            throw new TRPCError({
              code: "CONFLICT",
              message: "Not enough stock",
              cause: Object.assign(new Error("Not enough stock"), { details: { available: 5 } }),
            });
          }
          return { ...(ctx.accessToken ? {} : { cartToken: ctx.cartToken ?? "cart-guest-1" }), items: [input] };
        }),
    }),
    images: t.router({
      upload: t.procedure
        .use(signedIn)
        .input((raw) => {
          if (!(raw instanceof FormData)) throw new TRPCError({ code: "BAD_REQUEST", message: "Send a form" });
          return raw;
        })
        .mutation(async ({ input }) => {
          const file = input.get("image") as File;
          return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()).length };
        }),
    }),
    orders: t.router({
      list: t.procedure.use(signedIn).query(() => ({ items: [{ id: "ord_1" }] })),
      byId: t.procedure
        .use(signedIn)
        .input((raw) => ({ id: string((raw as { id?: unknown }).id) }))
        .query(({ input }) => {
          throw new TRPCError({ code: "NOT_FOUND", message: `Order ${input.id} not found` });
        }),
    }),
  });

  /** A `fetch` that answers from the router, as the server would (each response with an x-request-id). */
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    state.requests += 1;
    const requestId = `req-${state.requests}`;
    const authorization = req.headers.get("authorization");
    return fetchRequestHandler({
      endpoint: "/trpc",
      req,
      router,
      createContext: () => ({
        accessToken: authorization?.startsWith("Bearer ") ? authorization.slice(7) : undefined,
        cartToken: req.headers.get("x-cart-token") ?? undefined,
        // A browser sends the cookie only with credentials: 'include'; stand in for it that way.
        hasRefreshCookie: init?.credentials === "include" && state.refreshCookieSet,
      }),
      responseMeta: () => ({ headers: { "x-request-id": requestId } }),
    });
  };

  return { state, fetch, router };
}

export type FakeShopRouter = ReturnType<typeof createFakeShop>["router"];

/**
 * Compile-time checks, run by `pnpm typecheck`: each `@ts-expect-error` fails the build if the line
 * beneath it ever compiles. Nothing here executes.
 */
import { expectTypeOf } from "vitest";
import { createShopClient, isShopError } from "../src/index.ts";
import { storefrontRoutes } from "../src/routes.ts";
import type { FakeShopRouter } from "./fake-shop.ts";

export async function typeErrors() {
  const shop = createShopClient<FakeShopRouter>({ url: "http://127.0.0.1:3000" });

  // @ts-expect-error a misspelled procedure does not exist
  await shop.trpc.cart.addIten.mutate({ productId: "prd_1", quantity: 1 });
  // @ts-expect-error quantity is a number
  await shop.trpc.cart.addItem.mutate({ productId: "prd_1", quantity: "1" });
  // @ts-expect-error a query is not a mutation
  await shop.trpc.orders.list.mutate();
  // @ts-expect-error login needs a password
  await shop.login({ email: "ada@example.com" });

  const cart = await shop.trpc.cart.addItem.mutate({ productId: "prd_1", quantity: 1 });
  expectTypeOf(cart.items).toEqualTypeOf<{ productId: string; quantity: number }[]>();

  try {
    await shop.trpc.orders.byId.query({ id: "ord_1" });
  } catch (err) {
    if (isShopError<FakeShopRouter>(err, "CONFLICT")) {
      expectTypeOf(err.data?.details).toEqualTypeOf<Record<string, unknown> | null | undefined>();
      // @ts-expect-error the formatter declares no such field
      void err.data?.sqlState;
    }
  }
}

/** The real router's error shape reaches callers: `details` and the zod `issues` are typed. */
export function appRouterErrors(err: unknown) {
  if (!isShopError(err, "BAD_REQUEST")) return;
  expectTypeOf(err.data?.details).toEqualTypeOf<Record<string, unknown> | null | undefined>();
  const issue = err.data?.issues?.[0];
  expectTypeOf(issue?.message).toEqualTypeOf<string | undefined>();
}

/** Against the shop's own router: procedure names and inputs are checked, outputs are typed. */
export async function appRouterCalls() {
  const shop = createShopClient({ url: "http://127.0.0.1:3000" });

  // @ts-expect-error a misspelled procedure does not exist
  await shop.trpc.orders.lsit.query({});
  // @ts-expect-error an order id is a string
  await shop.trpc.orders.byId.query({ id: 42 });
  // @ts-expect-error checkout needs an idempotency key
  await shop.trpc.orders.checkout.mutate({});
  // @ts-expect-error logout takes options, not a token
  await shop.logout({ refreshToken: "x" });

  const signedIn = await shop.login({ email: "ada@example.com", password: "correct horse" });
  expectTypeOf(signedIn.accessTokenExpiresAt).toEqualTypeOf<Date>();
  const order = await shop.trpc.orders.byId.query({ id: "ord_1" });
  expectTypeOf(order.status).toEqualTypeOf<"placed" | "processing" | "shipped" | "delivered" | "cancelled">();
}

/** A route's params are checked: a path with `:id` needs an id, a path without takes none. */
export function routeParams() {
  // @ts-expect-error an order's path needs its id
  storefrontRoutes.order.href();
  // @ts-expect-error the param is called `id`
  storefrontRoutes.order.href({ orderId: "ord_1" });
  // @ts-expect-error the cart's path has no params
  storefrontRoutes.cart.href({ id: "x" });
}

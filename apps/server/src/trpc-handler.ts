import { trpcServer } from "@hono/trpc-server";
import type { ApiConfig, Context as ApiContext, Logger, PaymentGateway } from "@shopwright/api/server";
import { appRouter, secureCookies } from "@shopwright/api/server";
import type { Db } from "@shopwright/db";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { serialize } from "hono/utils/cookie";
import { clientIp } from "./client-ip.ts";
import { type Metrics, procedureObserver } from "./metrics.ts";

export interface TrpcDeps {
  db: Db;
  config: ApiConfig;
  metrics: Metrics;
  trustProxy: number;
  gateway: PaymentGateway;
}

/** Mounts every router at /trpc, building each call's context from the HTTP request. */
export function trpcHandler(deps: TrpcDeps) {
  const observer = procedureObserver(deps.metrics);
  return trpcServer({
    router: appRouter,
    endpoint: "/trpc",
    createContext: (opts, c: Context): ApiContext => {
      const secure = secureCookies(deps.config);
      const authorization = c.req.header("authorization");
      return {
        db: deps.db,
        config: deps.config,
        log: c.get("log") as Logger,
        gateway: deps.gateway,
        observer,
        req: {
          requestId: c.get("requestId"),
          ip: clientIp(c, deps.trustProxy),
          userAgent: c.req.header("user-agent"),
          accessToken: authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() || undefined : undefined,
          cartToken: c.req.header("x-cart-token") || getCookie(c, "sw_cart") || undefined,
        },
        cookies: {
          get: (name) => getCookie(c, name),
          set: (name, value, options = {}) =>
            opts.resHeaders.append(
              "set-cookie",
              serialize(name, value, {
                httpOnly: true,
                sameSite: "Strict",
                secure,
                path: options.path ?? "/",
                ...(options.maxAgeSeconds === undefined ? {} : { maxAge: options.maxAgeSeconds }),
              }),
            ),
          delete: (name, options = {}) =>
            opts.resHeaders.append(
              "set-cookie",
              serialize(name, "", { httpOnly: true, sameSite: "Strict", secure, path: options.path ?? "/", maxAge: 0 }),
            ),
        },
      };
    },
  });
}

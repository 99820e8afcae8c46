/**
 * POST /webhooks/payments: the payment provider's events. The body is read raw, since the
 * signature covers the exact bytes sent; a 2xx tells the provider to stop retrying.
 */
import { type ApiConfig, DomainError, receivePaymentWebhook, SIGNATURE_HEADER } from "@shopwright/api/server";
import type { Db } from "@shopwright/db";
import { Hono } from "hono";
import type { AppEnv } from "./app-env.ts";
import { KiB, limitBody, utf8Body } from "./request-guards.ts";

const STATUS = { BAD_REQUEST: 400, NOT_FOUND: 404, CONFLICT: 409 } as const;

export function webhookRoutes(deps: { db: Db; config: ApiConfig }) {
  const app = new Hono<AppEnv>();
  app.post("/payments", limitBody(64 * KiB), utf8Body, async (c) => {
    try {
      const result = await receivePaymentWebhook(
        { ...deps, log: c.get("log") },
        {
          rawBody: await c.req.text(),
          signature: c.req.header(SIGNATURE_HEADER),
          requestId: c.get("requestId"),
        },
      );
      return c.json({ received: true, ...result });
    } catch (error) {
      if (error instanceof DomainError && error.code in STATUS) {
        return c.json({ error: { message: error.message } }, STATUS[error.code as keyof typeof STATUS]);
      }
      throw error;
    }
  });
  return app;
}

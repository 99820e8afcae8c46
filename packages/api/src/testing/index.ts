/**
 * Helpers for procedure tests: a context without HTTP, callers for guests and signed-in users.
 * Tests call procedures through `createCaller`, the way the trpc project tests its own routers.
 */
import { createHash, randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, newId } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { type JobHelpers, Logger } from "graphile-worker";
import { issueAccessToken, type Role } from "../auth/access-token.ts";
import type { ApiConfig } from "../config.ts";
import type { Context, CookieJar, RequestInfo } from "../context.ts";
import { silentLogger } from "../logger.ts";
import type {
  CreatePaymentInput,
  PaymentDecision,
  PaymentGateway,
  VoidedPaymentStatus,
} from "../orders/payment-gateway.ts";
import type { RefundGateway, RefundPaymentInput } from "../payments/refund-gateway.ts";
import { createAppRouter } from "../root.ts";
import { createCallerFactory } from "../trpc.ts";

export const testConfig: ApiConfig = {
  publicUrl: "http://127.0.0.1:3000",
  jwtSecret: "test-jwt-secret-that-is-long-enough-0123456789",
  webhookSecret: "test-webhook-secret-0123456789",
  gatewayUrl: "http://127.0.0.1:3000/mockpay",
  rateLimits: true,
  paymentTimeoutMinutes: 30,
  simulatedPayments: true,
  mediaDir: join(tmpdir(), "shopwright-test-media"),
};

/** A cookie jar in memory: what a browser would keep between calls. */
export function memoryCookieJar(): CookieJar & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (name) => values.get(name),
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}

/**
 * A payment gateway in memory: records what it was asked (refunds too) and answers with a hosted-page URL, or
 * fails while `failing` is set (a provider outage). `decide` plays the shopper on the hosted page,
 * as `simulateDecision` does for the shop; a voided payment can no longer be decided.
 */
export function fakePaymentGateway() {
  const decisions = new Map<string, VoidedPaymentStatus>();
  const gateway = {
    calls: [] as CreatePaymentInput[],
    voids: [] as string[],
    simulated: [] as { paymentId: string; decision: PaymentDecision }[],
    refunds: [] as RefundPaymentInput[],
    failing: false,
    decisions,
    async createPayment(input: CreatePaymentInput) {
      gateway.calls.push(input);
      if (gateway.failing) throw new Error("gateway unavailable");
      return { url: `https://gateway.test/pay/${input.paymentId}` };
    },
    async voidPayment(paymentId: string) {
      gateway.voids.push(paymentId);
      if (gateway.failing) throw new Error("gateway unavailable");
      const status = decisions.get(paymentId) ?? "voided";
      decisions.set(paymentId, status);
      return { status };
    },
    async simulateDecision(paymentId: string, decision: PaymentDecision) {
      gateway.simulated.push({ paymentId, decision });
      if (gateway.failing) throw new Error("gateway unavailable");
      gateway.decide(paymentId, decision === "approve" ? "succeeded" : "failed");
      return { status: decisions.get(paymentId)! };
    },
    async refundPayment(input: RefundPaymentInput) {
      gateway.refunds.push(input);
      if (gateway.failing) throw new Error("gateway unavailable");
      return { status: "pending" as const };
    },
    /** The shopper's choice on the hosted page; false once the payment was voided or decided. */
    decide(paymentId: string, outcome: "succeeded" | "failed"): boolean {
      if (decisions.has(paymentId)) return false;
      decisions.set(paymentId, outcome);
      return true;
    },
  } satisfies PaymentGateway & RefundGateway & Record<string, unknown>;
  return gateway;
}

/** A procedure's context, plus the gateway the test's router is made with. */
export type TestContext = Context & { gateway: PaymentGateway };

export function createTestContext(
  db: Db,
  options: {
    req?: Partial<RequestInfo>;
    cookies?: CookieJar;
    config?: Partial<ApiConfig>;
    gateway?: PaymentGateway;
  } = {},
): TestContext {
  return {
    db,
    config: { ...testConfig, ...options.config },
    log: silentLogger,
    gateway: options.gateway ?? fakePaymentGateway(),
    observer: { observe() {} },
    cookies: options.cookies ?? memoryCookieJar(),
    req: {
      requestId: newId("req"),
      ip: "203.0.113.7",
      userAgent: "vitest",
      accessToken: undefined,
      cartToken: undefined,
      ...options.req,
    },
  };
}

/**
 * What the worker hands a task handler besides its payload, for calling a handler directly: only
 * the job's logger, which here drops its lines.
 */
export function testJobHelpers(): JobHelpers {
  return { logger: new Logger(() => () => undefined) } as Partial<JobHelpers> as JobHelpers;
}

/** A caller of the whole app, its router given the context's gateway as the server gives its own. */
export function createCaller(ctx: TestContext) {
  return createCallerFactory(createAppRouter({ gateway: ctx.gateway }))(ctx);
}

export function guestCaller(db: Db, options: Parameters<typeof createTestContext>[1] = {}) {
  return createCaller(createTestContext(db, options));
}

/**
 * A user with a live session, made directly in the database so tests of other domains do not
 * depend on the sign-up flow. The password hash is a placeholder: this user cannot log in.
 */
export async function createSignedInUser(
  db: Db,
  options: {
    role?: Role;
    email?: string;
    name?: string;
    config?: Partial<ApiConfig>;
    gateway?: PaymentGateway;
  } = {},
) {
  const { users, sessions } = authTables(db);
  const id = newId("usr");
  const email = options.email ?? `${id}@example.com`;
  const role = options.role ?? "customer";
  await db.orm.insert(users).values({ id, email, name: options.name ?? "Test User", passwordHash: "!", role });
  const familyId = newId("fam");
  const now = Date.now();
  await db.orm.insert(sessions).values({
    id: createHash("sha256").update(randomBytes(32)).digest("hex"),
    userId: id,
    familyId,
    expiresAt: new Date(now + 30 * 86_400_000),
    absoluteExpiresAt: new Date(now + 90 * 86_400_000),
  });
  const config = { ...testConfig, ...options.config };
  const { accessToken } = await issueAccessToken(config.jwtSecret, { userId: id, role, familyId });
  const gateway = options.gateway ?? fakePaymentGateway();
  const context = (req: Partial<RequestInfo> = {}) =>
    createTestContext(db, { config, gateway, req: { accessToken, ...req } });
  return { id, email, role, familyId, accessToken, context, caller: createCaller(context()) };
}
export { createCategory, createOrder, createProduct, fillCart, openShipping, testAddress } from "./fixtures.ts";
export { imageForm, photo, pixelBomb } from "./images.ts";

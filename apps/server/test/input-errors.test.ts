/**
 * Bad input over HTTP gets a 400 a person understands and changes nothing: NUL bytes (which
 * Postgres cannot store) in every kind of string input, malformed tRPC envelopes, and bodies that
 * break a parser. No JavaScript error text reaches the client; the cause is logged with the
 * request id.
 */
import { Writable } from "node:stream";
import { SIGNATURE_HEADER, signWebhook } from "@shopwright/api/server";
import { createSignedInUser, testAddress, testConfig } from "@shopwright/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { bearer, createTestApp, trpcRequest } from "./harness.ts";

const logs: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split("\n").filter(Boolean)) logs.push(JSON.parse(line));
    done();
  },
});

let t: Awaited<ReturnType<typeof createTestApp>>;
let customer: string;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ logger: createLogger("error", sink) });
  customer = (await createSignedInUser(t.db)).accessToken;
  admin = (await createSignedInUser(t.db, { role: "admin" })).accessToken;
});
afterAll(() => t.close());

const NUL = "\u0000";
type Issue = { path: Array<string | number>; message: string };
type ErrorBody = { error?: { json: { message: string; data: { code: string; issues: Issue[] | null } } } };

describe("a NUL byte in any string input", () => {
  const address = { ...testAddress, line1: `1 Main St${NUL}` };
  const cases: Array<[string, unknown, string, "customer" | "admin" | "guest"]> = [
    ["catalog.product", { slug: `desk${NUL}lamp` }, "slug", "guest"],
    ["catalog.search", { categorySlug: `lamps${NUL}` }, "categorySlug", "guest"],
    ["cart.addItem", { productId: `prod_${NUL}`, quantity: 1 }, "productId", "guest"],
    ["cart.updateItem", { productId: `prod_${NUL}`, quantity: 1 }, "productId", "guest"],
    ["cart.removeItem", { productId: `prod_${NUL}` }, "productId", "guest"],
    [
      "auth.register",
      { email: "nul@example.com", password: "correct horse battery", name: `A${NUL}` },
      "name",
      "guest",
    ],
    ["auth.updateProfile", { name: `Ada${NUL}` }, "name", "customer"],
    ["auth.updateProfile", { shippingAddress: address }, "shippingAddress.line1", "customer"],
    ["orders.byId", { id: `ord_${NUL}` }, "id", "customer"],
    ["orders.checkout", { idempotencyKey: `key-${NUL}-0123456789` }, "idempotencyKey", "customer"],
    [
      "orders.checkout",
      { idempotencyKey: "key-0123456789", shippingAddress: address },
      "shippingAddress.line1",
      "customer",
    ],
    ["admin.products.list", { q: `lamp${NUL}` }, "q", "admin"],
    ["admin.products.byId", { id: `prod_${NUL}` }, "id", "admin"],
    [
      "admin.products.create",
      { name: `Lamp${NUL}`, description: "", priceCents: 100, stock: 1, categoryId: "cat_x" },
      "name",
      "admin",
    ],
    ["admin.categories.create", { name: `Lamps${NUL}` }, "name", "admin"],
    ["admin.orders.list", { email: `a${NUL}@example.com` }, "email", "admin"],
    ["admin.orders.setStatus", { id: "ord_x", status: "shipped", note: `sent${NUL}` }, "note", "admin"],
    ["admin.mailbox.get", { id: `msg_${NUL}` }, "id", "admin"],
  ];

  const queries = new Set([
    "catalog.product",
    "catalog.search",
    "orders.byId",
    "admin.products.list",
    "admin.products.byId",
    "admin.orders.list",
    "admin.mailbox.get",
  ]);

  it.each(cases)("%s is BAD_REQUEST naming the field (%s → %s)", async (procedure, input, field, who) => {
    const token = who === "admin" ? admin : who === "customer" ? customer : undefined;
    const method = queries.has(procedure) ? "GET" : "POST";
    const res = await trpcRequest(t.app, procedure, input, { method, ...(token ? bearer(token) : {}) });
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(400);
    expect(body.error?.json.data.code).toBe("BAD_REQUEST");
    const issue = body.error?.json.data.issues?.find((i) => i.path.join(".") === field);
    expect(issue?.message).toMatch(/character/);
  });

  it("inside a validly signed webhook is a 400, not a 500", async () => {
    const event = {
      id: `evt_${NUL}`,
      type: "payment.succeeded",
      created: Math.floor(Date.now() / 1000),
      data: { paymentId: `pay_${NUL}`, orderId: `ord_${NUL}`, amountCents: 100 },
    };
    const rawBody = JSON.stringify(event);
    const res = await t.app.request("/webhooks/payments", {
      method: "POST",
      body: rawBody,
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: signWebhook(testConfig.webhookSecret, rawBody),
      },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /not a payment or refund event/,
    );
  });
});

describe("bad input", () => {
  it("reads as one sentence per field, with the issues beside it", async () => {
    const res = await trpcRequest(t.app, "auth.register", { email: "ada", password: "short", name: "" });
    const body = (await res.json()) as ErrorBody;
    expect(res.status).toBe(400);
    const { message, data } = body.error!.json;
    const sentences = message.split(/(?<=\.) /);
    expect(sentences.map((sentence) => sentence.split(":")[0])).toEqual(["email", "password", "name"]);
    expect(sentences.every((sentence) => /^\w+: [A-Z].*\.$/.test(sentence))).toBe(true);
    expect(data.issues?.map((issue) => issue.path.join("."))).toEqual(["email", "password", "name"]);
  });
});

describe("malformed requests", () => {
  const post = (body: string, procedure = "auth.login") =>
    t.app.request(`/trpc/${procedure}`, { method: "POST", body, headers: { "content-type": "application/json" } });

  /** Written out by hand: JSON.stringify itself would overflow the stack on it. */
  function deepSuperjsonMeta(depth: number) {
    const tree = `${'["undefined",{"a":'.repeat(depth)}["undefined"]${"}]".repeat(depth)}`;
    return `{"json":{"email":"a@example.com","password":"x"},"meta":{"values":${tree}}}`;
  }

  it.each([
    ["a null envelope", "null", "auth.login"],
    ["a body that is not JSON", "{not json", "auth.login"],
    ["over-deep superjson meta", deepSuperjsonMeta(8_000), "auth.login"],
    ["a null envelope in a batch", '{"0":null}', "auth.login,auth.login?batch=1"],
  ])("%s gets a fixed 'Malformed request', and the cause is logged with the request id", async (_, body, path) => {
    logs.length = 0;
    const res = await post(body, path);
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).toContain("Malformed request");
    expect(text).not.toMatch(/destructure|Maximum call stack|Unexpected token|JSON at position|payload/);
    const requestId = res.headers.get("x-request-id");
    expect(logs.some((line) => line.level === 50 && line.requestId === requestId && line.err)).toBe(true);
  });
});

describe("a body that is not valid UTF-8", () => {
  const withBadBytes = (before: string, after: string) =>
    Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(after)]);

  it("is a 400 saying so, on the API, the webhook and the payment page, and stores nothing", async () => {
    const email = "not-utf8@example.com";
    const register = await t.app.request("/trpc/auth.register", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: withBadBytes(`{"json":{"email":"${email}","password":"correct horse battery","name":"Ad`, 'a"}}'),
    });
    expect(register.status).toBe(400);
    expect(await register.text()).toMatch(/not valid UTF-8/);
    const login = await trpcRequest(t.app, "auth.login", { email, password: "correct horse battery" });
    expect(login.status).toBe(401);

    const webhook = await t.app.request("/webhooks/payments", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: withBadBytes('{"id":"evt_', '"}'),
    });
    const page = await t.app.request("/mockpay/pay/gwp_missing", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: withBadBytes("decision=approve&x=", ""),
    });
    expect([webhook.status, page.status]).toEqual([400, 400]);
  });
});

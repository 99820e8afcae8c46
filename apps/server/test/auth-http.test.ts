/** A script that speaks only HTTP can run the whole session lifecycle. */
import { createTaskHandlers, type Mailer } from "@shopwright/api/server";
import { testConfig, testJobHelpers } from "@shopwright/api/testing";
import { queuedJobs, taskPayloads } from "@shopwright/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { createLogger } from "../src/logger.ts";
import { createMetrics } from "../src/metrics.ts";
import { bearer, createTestApp, trpcCall, trpcRequest } from "./harness.ts";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (procedure: string, input: unknown, init: Parameters<typeof trpcRequest>[3] = {}) =>
  trpcCall(t.app, procedure, input, init);

describe("auth over HTTP", () => {
  it("registers, logs in, reads the profile, refreshes twice, is refused the first token, and logs out", async () => {
    const credentials = { email: "script@example.com", password: "correct horse battery" };
    const registered = await call("auth.register", { ...credentials, name: "Script", tokenDelivery: "body" });
    expect(registered.status).toBe(200);
    expect(registered.headers.get("set-cookie")).toBeNull();

    const login = await call("auth.login", { ...credentials, tokenDelivery: "body" });
    expect(login.status).toBe(200);
    const me = await call("auth.me", undefined, { method: "GET", ...bearer(login.data?.accessToken) });
    expect(me.data).toMatchObject({ email: "script@example.com", name: "Script", role: "customer" });

    const first = await call("auth.refresh", { refreshToken: login.data?.refreshToken });
    const second = await call("auth.refresh", { refreshToken: first.data?.refreshToken });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(new Set([login.data?.refreshToken, first.data?.refreshToken, second.data?.refreshToken]).size).toBe(3);

    const replay = await call("auth.refresh", { refreshToken: first.data?.refreshToken });
    expect([replay.status, replay.code]).toEqual([401, "UNAUTHORIZED"]);

    const logout = await call("auth.logout", {}, bearer(second.data?.accessToken));
    expect([logout.status, logout.data]).toEqual([200, { ok: true }]);
    const after = await call("auth.me", undefined, { method: "GET", ...bearer(second.data?.accessToken) });
    expect([after.status, after.code]).toEqual([401, "UNAUTHORIZED"]);
    expect((await call("auth.refresh", { refreshToken: second.data?.refreshToken })).status).toBe(401);
  });

  it("verifies an email: registration mails a link, auth.verifyEmail follows it once, auth.me says so", async () => {
    const registered = await call("auth.register", {
      email: "verify@example.com",
      password: "correct horse battery",
      name: "Verify",
      tokenDelivery: "body",
    });
    const auth = bearer(registered.data?.accessToken);
    const me = () => call("auth.me", undefined, { method: "GET", ...auth });
    expect((await me()).data).toMatchObject({ emailVerified: false });
    expect((await call("auth.requestEmailVerification", undefined)).status).toBe(401);
    const resent = await call("auth.requestEmailVerification", undefined, auth);
    expect([resent.status, resent.data]).toEqual([200, { ok: true }]);

    // The worker's task, with a mailer that keeps what it was given.
    const texts: string[] = [];
    const mailer: Mailer = { send: async (m) => ({ providerMessageId: String(texts.push(m.text)) }), close() {} };
    const tasks = createTaskHandlers({ db: t.db, config: testConfig, mailer });
    const userId = (registered.data!.user as { id: string }).id;
    for (const job of (await queuedJobs(t.db, "send_email_verification")).filter((j) => j.payload.userId === userId)) {
      await tasks.send_email_verification!(taskPayloads.send_email_verification.parse(job.payload), testJobHelpers());
    }
    expect(texts).toHaveLength(2);
    const [token] = texts.map((text) => /\/verify-email#token=([\w-]+)/.exec(text)![1]!);

    const verified = await call("auth.verifyEmail", { token });
    expect([verified.status, verified.data]).toEqual([200, { ok: true }]);
    expect((await me()).data).toMatchObject({ emailVerified: true });
    const again = await call("auth.verifyEmail", { token });
    expect([again.status, again.code]).toEqual([400, "BAD_REQUEST"]);
    expect(again.message).toMatch(/expired, was already used/);
  });

  it("marks every signed-in or personal answer no-store, and leaves the public catalog cacheable", async () => {
    const credentials = { email: "private@example.com", password: "correct horse battery" };
    const { data } = await call("auth.register", { ...credentials, name: "Private", tokenDelivery: "body" });
    const personal = [
      await call("auth.me", undefined, { method: "GET", ...bearer(data?.accessToken) }),
      await call("cart.get", undefined, { method: "GET", ...bearer(data?.accessToken) }),
      await call("orders.list", undefined, { method: "GET", ...bearer(data?.accessToken) }),
      await call("auth.login", credentials),
      await call("auth.me", undefined, { method: "GET" }),
    ];
    expect(personal.map((r) => r.headers.get("cache-control"))).toEqual(Array(personal.length).fill("no-store"));
    const catalog = await call("catalog.categories", undefined, { method: "GET" });
    expect(catalog.headers.get("cache-control")).toMatch(/^public/);
  });

  it("says when to try again, in Retry-After, once a reset request is rate limited", async () => {
    const ask = (i: number) => call("auth.requestPasswordReset", { email: `limited${i}@example.com` });
    for (let i = 0; i < 20; i++) expect((await ask(i)).status).toBe(200);
    const limited = await ask(20);
    expect([limited.status, limited.code]).toEqual([429, "TOO_MANY_REQUESTS"]);
    const wait = Number(limited.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3_600);
    expect(limited.details).toEqual({ retryAfterSeconds: wait });
  });

  it("keeps a browser's refresh token in an HttpOnly, SameSite=Strict cookie scoped to /trpc", async () => {
    const credentials = { email: "browser@example.com", password: "correct horse battery" };
    await call("auth.register", { ...credentials, name: "Browser" });
    const login = await call("auth.login", credentials);
    expect(login.data?.refreshToken).toBeUndefined();
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^sw_refresh=[\w-]{43};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/trpc");
    expect(cookie).not.toContain("Secure");

    const sent = { headers: { cookie: cookie.split(";")[0]! } };
    const refreshed = await call("auth.refresh", {}, sent);
    expect(refreshed.status).toBe(200);
    const rotated = refreshed.headers.get("set-cookie") ?? "";
    expect(rotated).toMatch(/^sw_refresh=[\w-]{43};/);
    expect(rotated.split(";")[0]).not.toBe(sent.headers.cookie);

    const logout = await call("auth.logout", {}, bearer(refreshed.data?.accessToken));
    expect(logout.headers.get("set-cookie")).toMatch(/^sw_refresh=;.*Max-Age=0.*Path=\/trpc/);
  });

  it("keeps a browser signed in when two tabs refresh with the same cookie at once", async () => {
    const credentials = { email: "two-tabs@example.com", password: "correct horse battery" };
    const registered = await call("auth.register", { ...credentials, name: "Tabs" });
    const cookie = registered.headers
      .getSetCookie()
      .find((c) => c.startsWith("sw_refresh="))!
      .split(";")[0]!;
    const tabs = await Promise.all([1, 2].map(() => call("auth.refresh", {}, { headers: { cookie } })));
    expect(tabs.map((tab) => tab.status)).toEqual([200, 200]);
    for (const tab of tabs)
      expect((await call("auth.me", undefined, { method: "GET", ...bearer(tab.data?.accessToken) })).status).toBe(200);
    // Nothing clears the cookie: the browser keeps the one the winning tab was given, and it works.
    const setCookies = tabs.flatMap((tab) => tab.headers.getSetCookie()).filter((c) => c.startsWith("sw_refresh="));
    expect(setCookies).toEqual([expect.stringMatching(/^sw_refresh=[\w-]{43};/)]);
    const next = await call("auth.refresh", {}, { headers: { cookie: setCookies[0]!.split(";")[0]! } });
    expect(next.status).toBe(200);
  });

  it("sets a page-readable session hint with the refresh cookie, and clears both when the session ends", async () => {
    const credentials = { email: "hint@example.com", password: "correct horse battery" };
    const registered = await call("auth.register", { ...credentials, name: "Hint" });
    const hintOf = (res: { headers: Headers }) => res.headers.getSetCookie().find((c) => c.startsWith("sw_session="));
    const hint = hintOf(registered) ?? "";
    expect(hint).toMatch(/^sw_session=1;.*Path=\/(;|$)/);
    expect(hint).not.toContain("HttpOnly");
    expect(hint).toContain("SameSite=Strict");
    expect(Number(hint.match(/Max-Age=(\d+)/)?.[1])).toBeGreaterThan(86_400);

    const refreshCookie = registered.headers.getSetCookie().find((c) => c.startsWith("sw_refresh="))!;
    const sent = { headers: { cookie: refreshCookie.split(";")[0]! } };
    const refreshed = await call("auth.refresh", {}, sent);
    expect(hintOf(refreshed)).toMatch(/^sw_session=1;/);
    // Once the session has ended, presenting its cookie is refused and clears both cookies.
    await call("auth.logout", {}, bearer(refreshed.data?.accessToken));
    const replayed = await call("auth.refresh", {}, sent);
    expect(replayed.status).toBe(401);
    expect(replayed.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^sw_refresh=;.*Max-Age=0.*Path=\/trpc/),
      expect.stringMatching(/^sw_session=;.*Max-Age=0.*Path=\/(;|$)/),
    ]);

    // A hint left without its refresh cookie is cleared too, so the page stops asking.
    const bare = await call("auth.refresh", {}, { headers: { cookie: "sw_session=1" } });
    expect(bare.status).toBe(401);
    expect(bare.headers.getSetCookie()).toEqual([expect.stringMatching(/^sw_session=;.*Max-Age=0/)]);
  });
});

it("marks the refresh cookie Secure when the shop is served over HTTPS", async () => {
  const app = createApp({
    db: t.db,
    config: { ...testConfig, publicUrl: "https://shop.example" },
    logger: createLogger("silent"),
    metrics: createMetrics(),
    trustProxy: 0,
    tls: true,
    paths: { storefront: "/nonexistent", admin: "/nonexistent" },
  });
  const input = { email: "secure@example.com", password: "correct horse battery", name: "S" };
  const res = await trpcRequest(app, "auth.register", input);
  expect(res.status).toBe(200);
  expect(res.headers.get("set-cookie")).toMatch(/^sw_refresh=[\w-]{43};.*Secure/);
});

import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { rateLimitTables } from "@shopwright/db/tables/rate-limits";
import { createTestDb } from "@shopwright/db/testing";
import { TRPCError } from "@trpc/server";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CookieJar, CookieOptions } from "../context.ts";
import { REFRESH_COOKIE } from "../http-names.ts";
import { createCaller, createProduct, createSignedInUser, createTestContext, testConfig } from "../testing/index.ts";
import { createCallerFactory, router } from "../trpc.ts";
import { verifyAccessToken } from "./access-token.ts";
import { BLANK_PASSWORD_MESSAGE } from "./password-policy.ts";
import { adminProcedure } from "./procedures.ts";
import { REUSE_GRACE_SECONDS } from "./sessions.ts";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());
afterEach(() => vi.useRealTimers());

const DAY = 86_400_000;
let seq = 0;
const uniqueEmail = () => `user${++seq}-${Date.now()}@example.com`;
const PASSWORD = "correct horse battery";

/** A browser's jar that also remembers the attributes each cookie was set with. */
function browserJar(): CookieJar & { values: Map<string, string>; options: Map<string, CookieOptions | undefined> } {
  const values = new Map<string, string>();
  const options = new Map<string, CookieOptions | undefined>();
  return {
    values,
    options,
    get: (key) => values.get(key),
    set: (key, value, opts) => {
      values.set(key, value);
      options.set(key, opts);
    },
    delete: (key) => void values.delete(key),
  };
}

/** A caller with its own IP, so rate limits of one test do not leak into another. */
function client(options: { cookies?: CookieJar; accessToken?: string; rateLimits?: boolean } = {}) {
  return createCaller(
    createTestContext(db, {
      cookies: options.cookies,
      req: { ip: `198.51.100.${++seq % 250}`, accessToken: options.accessToken },
      config: { rateLimits: options.rateLimits ?? false },
    }),
  );
}

async function registered(email = uniqueEmail()) {
  const jar = browserJar();
  const result = await client({ cookies: jar }).auth.register({ email, password: PASSWORD, name: "Ada" });
  return { email, jar, ...result, as: client({ accessToken: result.accessToken }) };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}

const userCount = async () => (await db.orm.select().from(authTables(db).users)).length;
const rateLimitRows = async () => (await db.orm.select().from(rateLimitTables(db).rateLimits)).length;

describe("register", () => {
  it("creates the account, signs it in, and stores only an argon2id hash with the documented parameters", async () => {
    const { user, accessToken, jar, as, email } = await registered();
    expect(user).toMatchObject({ email, name: "Ada", role: "customer", shippingAddress: null });
    expect(accessToken).toMatch(/^ey/);
    expect(jar.values.get(REFRESH_COOKIE)).toMatch(/^[\w-]{43}$/);
    expect(jar.options.get(REFRESH_COOKIE)?.path).toBe("/trpc");
    expect(jar.options.get(REFRESH_COOKIE)?.maxAgeSeconds).toBeGreaterThan(30 * 86_400 - 5);
    expect(await as.auth.me()).toEqual(user);
    const [row] = await db.orm
      .select()
      .from(authTables(db).users)
      .where(eq(authTables(db).users.id, user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.passwordHash).not.toContain(PASSWORD);
  });

  it("normalises the email, and a taken email is CONFLICT whatever its case", async () => {
    const email = uniqueEmail();
    const { user } = await client().auth.register({
      email: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      name: "A",
    });
    expect(user.email).toBe(email);
    expect(await codeOf(client().auth.register({ email: email.toUpperCase(), password: PASSWORD, name: "B" }))).toBe(
      "CONFLICT",
    );
    expect((await client().auth.login({ email: ` ${email.toUpperCase()}`, password: PASSWORD })).user.id).toBe(user.id);
  });

  it("counts password length in characters as typed: eight emoji are enough, spaces are kept", async () => {
    const email = uniqueEmail();
    const emoji = "🔑".repeat(8);
    await client().auth.register({ email, password: emoji, name: "E" });
    expect((await client().auth.login({ email, password: emoji })).user.email).toBe(email);

    const spaced = uniqueEmail();
    await client().auth.register({ email: spaced, password: ` ${PASSWORD} `, name: "S" });
    expect(await codeOf(client().auth.login({ email: spaced, password: PASSWORD }))).toBe("UNAUTHORIZED");
  });

  it("refuses a password of only spaces (or other blanks) with the shared sentence, and creates no account", async () => {
    for (const blank of [" ".repeat(8), "\t \u00a0 \n    "]) {
      const email = uniqueEmail();
      const refused = await client()
        .auth.register({ email, password: blank, name: "B" })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TRPCError);
      const issues = ((refused as TRPCError).cause as unknown as { issues: { path: string[]; message: string }[] })
        .issues;
      expect(issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", BLANK_PASSWORD_MESSAGE]]);
      expect(await codeOf(client().auth.login({ email, password: blank }))).toBe("UNAUTHORIZED");
    }
    const { as } = await registered();
    expect(await codeOf(as.auth.changePassword({ currentPassword: PASSWORD, newPassword: " ".repeat(12) }))).toBe(
      "BAD_REQUEST",
    );
  });

  it.each([
    ["a missing email", { password: PASSWORD, name: "N" }],
    ["a missing password", { email: "missing@example.com", name: "N" }],
    ["a missing name", { email: "missing@example.com", password: PASSWORD }],
    ["a blank name", { email: "blank@example.com", password: PASSWORD, name: "   " }],
    ["a malformed email", { email: "not-an-email", password: PASSWORD, name: "N" }],
    ["a unicode email", { email: "ünïcödé@exämple.com", password: PASSWORD, name: "N" }],
    ["a 7-character password", { email: "short@example.com", password: "1234567", name: "N" }],
    ["a 257-character password", { email: "long@example.com", password: "x".repeat(257), name: "N" }],
    ["a 10 MB password", { email: "huge@example.com", password: "x".repeat(10 * 1024 * 1024), name: "N" }],
    ["a lone surrogate", { email: "sur@example.com", password: "abcdefgh\uD800", name: "N" }],
    ["the email as password", { email: "same@example.com", password: " SAME@example.com", name: "N" }],
    ["a common password: password", { email: "common1@example.com", password: "password", name: "N" }],
    ["a common password: password123", { email: "common2@example.com", password: "password123", name: "N" }],
    ["a common password: 12345678", { email: "common3@example.com", password: "12345678", name: "N" }],
    ["a common password: qwertyuiop", { email: "common4@example.com", password: "Qwertyuiop", name: "N" }],
    ["a number for a name", { email: "num@example.com", password: PASSWORD, name: 42 }],
  ])("rejects %s with BAD_REQUEST and writes nothing", async (_, input) => {
    const before = { users: await userCount(), limits: await rateLimitRows() };
    const caller = createCaller(createTestContext(db, { config: { rateLimits: true }, req: { ip: "192.0.2.99" } }));
    expect(await codeOf(caller.auth.register(input as never))).toBe("BAD_REQUEST");
    expect({ users: await userCount(), limits: await rateLimitRows() }).toEqual(before);
  });
});

describe("login", () => {
  it("answers an unknown email and a wrong password with the same error, in about the same time", async () => {
    const { email } = await registered();
    const attempt = async (input: { email: string; password: string }) => {
      const started = performance.now();
      const error = await client()
        .auth.login(input)
        .catch((e: TRPCError) => e);
      return {
        error: error instanceof TRPCError ? [error.code, error.message] : null,
        ms: performance.now() - started,
      };
    };
    await attempt({ email: "warm-up@example.com", password: PASSWORD });
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let i = 0; i < 5; i++) {
      const a = await attempt({ email: "nobody@example.com", password: PASSWORD });
      const b = await attempt({ email, password: "wrong password" });
      expect(a.error).toEqual(["UNAUTHORIZED", "Email or password is incorrect"]);
      expect(b.error).toEqual(a.error);
      unknown.push(a.ms);
      wrong.push(b.ms);
    }
    // Medians, and bounds wide enough for a loaded machine: skipping the dummy hash for an unknown
    // email makes that path about ten times faster, far outside them.
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });

  /** A guest who put `quantity` of a fresh product in a cart: their cart token and the product. */
  async function guestWithCart(quantity: number) {
    const { id: productId } = await createProduct(db, { stock: 5 });
    const { cartToken } = await client().cart.addItem({ productId, quantity });
    return { cartToken: cartToken!, productId };
  }

  it("gives the refresh token in the body and sets no cookie when asked, and merges the guest cart", async () => {
    const { email } = await registered();
    const guest = await guestWithCart(2);
    const jar = browserJar();
    const result = await client({ cookies: jar }).auth.login({
      email,
      password: PASSWORD,
      tokenDelivery: "body",
      cartToken: guest.cartToken,
    });
    expect(result.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(jar.values.size).toBe(0);
    const cart = await client({ accessToken: result.accessToken }).cart.get();
    expect(cart.items.map((i) => [i.productId, i.quantity])).toEqual([[guest.productId, 2]]);
  });

  it("takes the guest cart token from the request when the input has none", async () => {
    const { email } = await registered();
    const guest = await guestWithCart(1);
    const caller = createCaller(
      createTestContext(db, { config: { rateLimits: false }, req: { cartToken: guest.cartToken } }),
    );
    const { accessToken } = await caller.auth.login({ email, password: PASSWORD });
    const cart = await client({ accessToken }).cart.get();
    expect(cart.items.map((i) => i.productId)).toEqual([guest.productId]);
  });

  it("adopts the guest cart at registration", async () => {
    const guest = await guestWithCart(3);
    const result = await client().auth.register({
      email: uniqueEmail(),
      password: PASSWORD,
      name: "Grace",
      cartToken: guest.cartToken,
    });
    const cart = await client({ accessToken: result.accessToken }).cart.get();
    expect(cart.items.map((i) => [i.productId, i.quantity])).toEqual([[guest.productId, 3]]);
  });
});

describe("refresh", () => {
  async function bodySession() {
    const { email, user } = await registered();
    const login = await client().auth.login({ email, password: PASSWORD, tokenDelivery: "body" });
    return { email, user, token: login.refreshToken!, accessToken: login.accessToken };
  }

  it("rotates: the new token works, the old one is refused", async () => {
    const { token } = await bodySession();
    const first = await client().auth.refresh({ refreshToken: token });
    expect(first.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(first.refreshToken).not.toBe(token);
    expect(await client({ accessToken: first.accessToken }).auth.me()).toMatchObject({ role: "customer" });
    const second = await client().auth.refresh({ refreshToken: first.refreshToken });
    expect(await codeOf(client().auth.refresh({ refreshToken: token }))).toBe("UNAUTHORIZED");
    // Inside the race window the family survives.
    expect(await codeOf(client({ accessToken: second.accessToken }).auth.me())).toBe("OK");
  });

  it("falls back to the cookie and answers with a new cookie", async () => {
    const { jar } = await registered();
    const before = jar.values.get(REFRESH_COOKIE);
    const result = await client({ cookies: jar }).auth.refresh();
    expect(result.refreshToken).toBeUndefined();
    expect(jar.values.get(REFRESH_COOKIE)).not.toBe(before);
    expect(await codeOf(client({ cookies: browserJar() }).auth.refresh())).toBe("UNAUTHORIZED");
    expect(await codeOf(client().auth.refresh({ refreshToken: "not-a-token" }))).toBe("UNAUTHORIZED");
  });

  it("revokes the whole family when a rotated token comes back (theft detection)", async () => {
    const { token, accessToken } = await bodySession();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const thief = await client().auth.refresh({ refreshToken: token });
    vi.setSystemTime(Date.now() + (REUSE_GRACE_SECONDS + 1) * 1000);
    expect(await codeOf(client().auth.refresh({ refreshToken: token }))).toBe("UNAUTHORIZED");
    expect(await codeOf(client().auth.refresh({ refreshToken: thief.refreshToken! }))).toBe("UNAUTHORIZED");
    expect(await codeOf(client({ accessToken: thief.accessToken }).auth.me())).toBe("UNAUTHORIZED");
    expect(await codeOf(client({ accessToken }).auth.me())).toBe("UNAUTHORIZED");
  });

  it("expires after 30 days unused", async () => {
    const { token } = await bodySession();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 30 * DAY + 1000 });
    expect(await codeOf(client().auth.refresh({ refreshToken: token }))).toBe("UNAUTHORIZED");
  });

  it("slides 30 days with use, but never past 90 days from login", async () => {
    const { token, accessToken } = await bodySession();
    // After sign-in: the session's 90 days count from then, however long the hashing took.
    const start = Date.now();
    const familyId = (await verifyAccessToken(testConfig.jwtSecret, accessToken)).familyId;
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    let current = token;
    for (const day of [25, 50, 75, 89]) {
      vi.setSystemTime(start + day * DAY);
      const next = await client().auth.refresh({ refreshToken: current });
      current = next.refreshToken!;
    }
    const [live] = await db.orm
      .select({
        expiresAt: authTables(db).sessions.expiresAt,
        absoluteExpiresAt: authTables(db).sessions.absoluteExpiresAt,
      })
      .from(authTables(db).sessions)
      .where(and(eq(authTables(db).sessions.familyId, familyId), isNull(authTables(db).sessions.rotatedAt)));
    expect(live!.expiresAt.getTime()).toBeLessThanOrEqual(live!.absoluteExpiresAt.getTime());
    expect(live!.absoluteExpiresAt.getTime()).toBeLessThanOrEqual(start + 90 * DAY + 60_000);
    vi.setSystemTime(start + 90 * DAY + 1000);
    expect(await codeOf(client().auth.refresh({ refreshToken: current }))).toBe("UNAUTHORIZED");
  });
});

describe("logout", () => {
  it("ends this device's session and its access tokens at once; other devices stay", async () => {
    const { email, as, accessToken, jar } = await registered();
    const other = await client().auth.login({ email, password: PASSWORD, tokenDelivery: "body" });
    const mine = client({ accessToken, cookies: jar });
    expect(await mine.auth.logout()).toEqual({ ok: true });
    expect(jar.values.has(REFRESH_COOKIE)).toBe(false);
    expect(await codeOf(as.auth.me())).toBe("UNAUTHORIZED");
    expect(await codeOf(client({ accessToken: other.accessToken }).auth.me())).toBe("OK");
    expect(await codeOf(client().auth.refresh({ refreshToken: other.refreshToken! }))).toBe("OK");
  });

  it("ends every session of the user with allDevices", async () => {
    const { email, as } = await registered();
    const other = await client().auth.login({ email, password: PASSWORD, tokenDelivery: "body" });
    await as.auth.logout({ allDevices: true });
    expect(await codeOf(client({ accessToken: other.accessToken }).auth.me())).toBe("UNAUTHORIZED");
    expect(await codeOf(client().auth.refresh({ refreshToken: other.refreshToken! }))).toBe("UNAUTHORIZED");
  });

  it("needs a signed-in caller", async () => {
    expect(await codeOf(client().auth.logout())).toBe("UNAUTHORIZED");
  });
});

describe("profile and password", () => {
  it("updates the name and shipping address, validating the address", async () => {
    const { as } = await registered();
    const address = {
      name: "Ada L",
      line1: "1 Loop Rd",
      city: "Springfield",
      region: "IL",
      postalCode: "12345",
      country: "us",
    };
    const updated = await as.auth.updateProfile({ name: " Ada Lovelace ", shippingAddress: address });
    expect(updated).toMatchObject({ name: "Ada Lovelace", shippingAddress: { ...address, country: "US" } });
    expect(await as.auth.me()).toEqual(updated);
    expect(await codeOf(as.auth.updateProfile({ shippingAddress: { ...address, country: "USA" } }))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(as.auth.updateProfile({ name: "" }))).toBe("BAD_REQUEST");
    expect((await as.auth.me()).name).toBe("Ada Lovelace");
    expect(await codeOf(client().auth.updateProfile({ name: "X" }))).toBe("UNAUTHORIZED");
  });

  it("changes the password with the current one and ends every other session", async () => {
    const { email, as } = await registered();
    const other = await client().auth.login({ email, password: PASSWORD, tokenDelivery: "body" });
    expect(
      await codeOf(as.auth.changePassword({ currentPassword: "wrong-password", newPassword: "n3w password" })),
    ).toBe("BAD_REQUEST");
    expect(await codeOf(as.auth.changePassword({ currentPassword: PASSWORD, newPassword: email }))).toBe("BAD_REQUEST");
    expect(await as.auth.changePassword({ currentPassword: PASSWORD, newPassword: "n3w password" })).toEqual({
      ok: true,
    });
    expect(await codeOf(as.auth.me())).toBe("OK");
    expect(await codeOf(client({ accessToken: other.accessToken }).auth.me())).toBe("UNAUTHORIZED");
    expect(await codeOf(client().auth.refresh({ refreshToken: other.refreshToken! }))).toBe("UNAUTHORIZED");
    expect(await codeOf(client().auth.login({ email, password: PASSWORD }))).toBe("UNAUTHORIZED");
    expect(await codeOf(client().auth.login({ email, password: "n3w password" }))).toBe("OK");
  });
});

describe("roles", () => {
  const guarded = createCallerFactory(router({ secret: adminProcedure.query(() => "admin only") }));

  it("lets admins through, refuses customers with FORBIDDEN and guests with UNAUTHORIZED", async () => {
    const admin = await createSignedInUser(db, { role: "admin" });
    const customer = await createSignedInUser(db);
    expect(await guarded(admin.context()).secret()).toBe("admin only");
    expect(await codeOf(guarded(customer.context()).secret())).toBe("FORBIDDEN");
    expect(await codeOf(guarded(createTestContext(db)).secret())).toBe("UNAUTHORIZED");
  });
});

describe("rate limits", () => {
  it("limits login and register per IP", async () => {
    // The address has used up its window (as 50 attempts would); a fresh email does not help.
    const resetAt = new Date(Date.now() + 60_000);
    await db.orm.insert(rateLimitTables(db).rateLimits).values([
      { key: "login:ip:192.0.2.250", count: 50, resetAt },
      { key: "register:ip:192.0.2.251", count: 20, resetAt },
    ]);
    const caller = createCaller(createTestContext(db, { req: { ip: "192.0.2.250" } }));
    expect(await codeOf(caller.auth.login({ email: "y@example.com", password: "whatever1" }))).toBe(
      "TOO_MANY_REQUESTS",
    );

    const registrar = createCaller(createTestContext(db, { req: { ip: "192.0.2.251" } }));
    expect(await codeOf(registrar.auth.register({ email: uniqueEmail(), password: PASSWORD, name: "R" }))).toBe(
      "TOO_MANY_REQUESTS",
    );
  });

  it("is off when the configuration says so", async () => {
    const caller = createCaller(createTestContext(db, { req: { ip: "192.0.2.252" }, config: { rateLimits: false } }));
    for (let i = 0; i < 12; i++)
      await codeOf(caller.auth.login({ email: "nobody@example.com", password: "whatever1" }));
    expect(await codeOf(caller.auth.login({ email: "nobody@example.com", password: "whatever1" }))).toBe(
      "UNAUTHORIZED",
    );
  });
});

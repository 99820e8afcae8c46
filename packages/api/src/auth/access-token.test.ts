import { createHmac, generateKeyPairSync } from "node:crypto";
import type { Db } from "@shopwright/db";
import { createTestDb } from "@shopwright/db/testing";
import { TRPCError } from "@trpc/server";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { guestCaller, testConfig } from "../testing/index.ts";
import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken, verifyAccessToken } from "./access-token.ts";

const secret = testConfig.jwtSecret;
const viewer = { userId: "usr_1", role: "customer" as const, familyId: "fam_1" };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);
const claims = () => ({
  sub: "usr_1",
  role: "admin",
  fam: "fam_1",
  iss: "shopwright",
  aud: "shopwright-api",
  iat: now(),
  nbf: now(),
  exp: now() + 600,
});
const hs256 = (header: object, payload: object, key = secret) => {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  return `${signingInput}.${createHmac("sha256", key).update(signingInput).digest("base64url")}`;
};

async function rejection(token: string): Promise<string> {
  try {
    await verifyAccessToken(secret, token);
    return "accepted";
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

describe("access tokens", () => {
  it("round-trips the user, role and session family, for 15 minutes", async () => {
    const { accessToken, accessTokenExpiresAt } = await issueAccessToken(secret, viewer);
    expect(await verifyAccessToken(secret, accessToken)).toEqual(viewer);
    expect(accessTokenExpiresAt.getTime() / 1000 - now()).toBeCloseTo(ACCESS_TOKEN_TTL_SECONDS, -1);
    expect(ACCESS_TOKEN_TTL_SECONDS).toBe(15 * 60);
  });

  it.each(["none", "NONE", "None", "nOnE"])("refuses alg %s, signed or not", async (alg) => {
    const unsigned = `${b64({ alg, typ: "at+jwt" })}.${b64(claims())}.`;
    expect(await rejection(unsigned)).toBe("UNAUTHORIZED");
    expect(await rejection(hs256({ alg, typ: "at+jwt" }, claims()))).toBe("UNAUTHORIZED");
  });

  it("refuses another algorithm, even one keyed with the same secret or an RSA key", async () => {
    const key = new TextEncoder().encode(secret);
    const hs512 = await new SignJWT(claims()).setProtectedHeader({ alg: "HS512", typ: "at+jwt" }).sign(key);
    expect(await rejection(hs512)).toBe("UNAUTHORIZED");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const rs256 = await new SignJWT(claims()).setProtectedHeader({ alg: "RS256", typ: "at+jwt" }).sign(privateKey);
    expect(await rejection(rs256)).toBe("UNAUTHORIZED");
  });

  it("refuses a wrong key, a tampered payload, a wrong type, issuer or audience", async () => {
    expect(await rejection(hs256({ alg: "HS256", typ: "at+jwt" }, claims(), "another-secret"))).toBe("UNAUTHORIZED");
    const { accessToken } = await issueAccessToken(secret, viewer);
    const [header, , signature] = accessToken.split(".");
    expect(await rejection(`${header}.${b64(claims())}.${signature}`)).toBe("UNAUTHORIZED");
    expect(await rejection(hs256({ alg: "HS256", typ: "JWT" }, claims()))).toBe("UNAUTHORIZED");
    expect(await rejection(hs256({ alg: "HS256", typ: "at+jwt" }, { ...claims(), iss: "elsewhere" }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await rejection(hs256({ alg: "HS256", typ: "at+jwt" }, { ...claims(), aud: "another-api" }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await rejection(hs256({ alg: "HS256", typ: "at+jwt" }, { ...claims(), role: "root" }))).toBe("UNAUTHORIZED");
  });

  it("refuses an expired token, one not yet valid, and one without exp or nbf", async () => {
    const { accessToken } = await issueAccessToken(secret, viewer, new Date(Date.now() - 16 * 60_000));
    expect(await rejection(accessToken)).toBe("UNAUTHORIZED");
    expect(await rejection(hs256({ alg: "HS256", typ: "at+jwt" }, { ...claims(), nbf: now() + 600 }))).toBe(
      "UNAUTHORIZED",
    );
    const { exp: _exp, ...noExp } = claims();
    expect(await rejection(hs256({ alg: "HS256", typ: "at+jwt" }, noExp))).toBe("UNAUTHORIZED");
    const { nbf: _nbf, ...noNbf } = claims();
    expect(await rejection(hs256({ alg: "HS256", typ: "at+jwt" }, noNbf))).toBe("UNAUTHORIZED");
  });

  it("refuses garbage and a refresh token in its place", async () => {
    expect(await rejection("")).toBe("UNAUTHORIZED");
    expect(await rejection("a.b.c")).toBe("UNAUTHORIZED");
    expect(await rejection("Zm9v-refresh-token-looking-string_0123456789ab")).toBe("UNAUTHORIZED");
  });
});

describe("access tokens at the API", () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("answers UNAUTHORIZED for a refresh token sent as the bearer token, and for a forged admin token", async () => {
    const signedUp = await guestCaller(db, { config: { rateLimits: false } }).auth.register({
      email: "bearer@example.com",
      password: "correct horse battery",
      name: "B",
      tokenDelivery: "body",
    });
    const me = (accessToken: string) => guestCaller(db, { req: { accessToken } }).auth.me();
    expect((await me(signedUp.accessToken)).email).toBe("bearer@example.com");
    const familyId = (await verifyAccessToken(secret, signedUp.accessToken)).familyId;
    const forged = hs256({ alg: "none", typ: "at+jwt" }, { ...claims(), sub: signedUp.user.id, fam: familyId });
    for (const accessToken of [signedUp.refreshToken!, forged]) {
      const error = await me(accessToken).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("UNAUTHORIZED");
    }
  });
});

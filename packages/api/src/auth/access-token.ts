/**
 * Access tokens: short-lived HS256 JWTs. Verification allow-lists the one algorithm and checks the
 * type header, issuer, audience, expiry and not-before, so `alg: none`, another algorithm, a
 * tampered payload or a refresh token presented here all fail the same way.
 */
import { webcrypto } from "node:crypto";
import { userRoles } from "@shopwright/db";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { unauthorized } from "../errors.ts";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ALGORITHM = "HS256";
const TYPE = "at+jwt";
const ISSUER = "shopwright";
const AUDIENCE = "shopwright-api";

export type Role = "customer" | "admin";

/** Who is calling: the user, their role, and the session family the token was issued from. */
export interface Viewer {
  userId: string;
  role: Role;
  familyId: string;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(userRoles),
  fam: z.string().min(1),
});

/** Imported once per secret: jose would otherwise import the raw secret again at every request. */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

function keyOf(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secret, key);
  }
  return key;
}

export async function issueAccessToken(
  secret: string,
  viewer: Viewer,
  now = new Date(),
): Promise<{ accessToken: string; accessTokenExpiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const accessToken = await new SignJWT({ role: viewer.role, fam: viewer.familyId })
    .setProtectedHeader({ alg: ALGORITHM, typ: TYPE })
    .setSubject(viewer.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setNotBefore(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(await keyOf(secret));
  return { accessToken, accessTokenExpiresAt: new Date(expiresAt * 1000) };
}

export async function verifyAccessToken(secret: string, token: string): Promise<Viewer> {
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), {
      algorithms: [ALGORITHM],
      typ: TYPE,
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ["exp", "nbf", "sub"],
    });
    const claims = claimsSchema.parse(payload);
    return { userId: claims.sub, role: claims.role, familyId: claims.fam };
  } catch (error) {
    if (error instanceof errors.JOSEError || error instanceof z.ZodError)
      throw unauthorized("Invalid or expired access token");
    throw error;
  }
}

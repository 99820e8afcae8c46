/**
 * Password hashing: argon2id with OWASP's baseline parameters — 19 MiB of memory, 2 passes, one
 * lane (m=19456, t=2, p=1), a 16-byte random salt and a 32-byte tag, all recorded in the PHC string
 * so the parameters can be raised later without invalidating stored hashes. On this machine one
 * hash or verify takes a few tens of milliseconds, which bounds offline guessing and keeps login
 * cheap enough to serve.
 */
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

const PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/**
 * Compatibility normalisation (NFKC, as NIST SP 800-63B suggests) so the same password typed on
 * different keyboards or systems hashes alike; the length policy is checked before, as typed.
 */
const normalise = (password: string) => password.normalize("NFKC");

export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), PARAMETERS);
}

/** False for a wrong password and for a stored value that is not a hash (an account without one). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalise(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time a real verification takes, so an unknown email cannot be told from a wrong
 * password by how long the answer takes.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString("base64url"));
  await verifyPassword(await dummyHash, password);
  return false;
}

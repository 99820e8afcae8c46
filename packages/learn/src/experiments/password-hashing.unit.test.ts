import { expect, it } from "vitest";
import { runPasswordHashing } from "./password-hashing.ts";

it("a fast hash allows thousands of times the guesses of the shop's argon2id, which records its parameters", async () => {
  const [sha256, bcrypt, argon2id] = await runPasswordHashing({ budgetMs: 200 });
  expect(sha256!.hashesPerSecond).toBeGreaterThan(1_000 * argon2id!.hashesPerSecond);
  expect(sha256!.hashesPerSecond).toBeGreaterThan(1_000 * bcrypt!.hashesPerSecond);
  expect(bcrypt!.sample).toMatch(/^\$2[ab]\$10\$/);
  expect(argon2id!.sample).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
});

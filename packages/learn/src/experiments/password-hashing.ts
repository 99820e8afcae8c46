/**
 * Password hashing: how many guesses per second each scheme allows, on this machine, one core.
 * A fast hash (salted SHA-256) lets a stolen table be tried against a whole leaked word list in
 * seconds; bcrypt and argon2id are slow on purpose, and argon2id also costs memory per guess,
 * which is what keeps GPUs from running thousands in parallel.
 */
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@shopwright/api/server";
import bcrypt from "bcryptjs";
import type { Experiment } from "../experiment.ts";

/** bcrypt's usual default and OWASP's floor for it. */
export const BCRYPT_COST = 10;
/** Entries in the "rockyou" list leaked in 2009, the usual first word list of an offline attack. */
const WORD_LIST = 14_344_391;

export interface Scheme {
  name: string;
  hashesPerSecond: number;
  /** One stored value, to show what it records. */
  sample: string;
}

async function rate(
  budgetMs: number,
  hash: (password: string) => Promise<string> | string,
): Promise<Scheme["hashesPerSecond"]> {
  const started = performance.now();
  let n = 0;
  // At least three, so a slow scheme on a busy machine is not one unlucky sample.
  while (n < 3 || performance.now() - started < budgetMs) {
    await hash(`guess-${n}`);
    n++;
  }
  return n / ((performance.now() - started) / 1000);
}

/** THE WRONG WAY: a fast hash, even salted, is built to be computed quickly. */
const salt = randomBytes(16).toString("hex");
const sha256 = (password: string) =>
  createHash("sha256")
    .update(salt + password)
    .digest("hex");

export async function runPasswordHashing({ budgetMs }: { budgetMs: number }): Promise<Scheme[]> {
  const bcryptHash = (password: string) => bcrypt.hashSync(password, BCRYPT_COST);
  return [
    { name: "SHA-256, salted", hashesPerSecond: await rate(budgetMs, sha256), sample: sha256("hunter2") },
    {
      name: `bcrypt, cost ${BCRYPT_COST}`,
      hashesPerSecond: await rate(budgetMs, bcryptHash),
      sample: bcryptHash("hunter2"),
    },
    {
      name: "argon2id (the shop's hashPassword)",
      hashesPerSecond: await rate(budgetMs, hashPassword),
      sample: await hashPassword("hunter2"),
    },
  ];
}

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  if (seconds < 7_200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3_600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

export const passwordHashing: Experiment = {
  name: "password-hashing",
  summary: "hashes per second for SHA-256, bcrypt and argon2id, and what that gives an offline attacker",
  page: "auth.md",
  database: false,
  async run() {
    const schemes = await runPasswordHashing({ budgetMs: 3_000 });
    const [fast, , shop] = schemes;
    return {
      title: "password-hashing: guesses per second on one core of this machine",
      sections: schemes.map((s) => ({
        heading: s === fast ? `The wrong way: ${s.name}` : s === shop ? `Shopwright: ${s.name}` : s.name,
        rows: [
          ["hashes per second", Math.round(s.hashesPerSecond).toLocaleString("en")],
          [`time to try ${WORD_LIST.toLocaleString("en")} leaked passwords`, duration(WORD_LIST / s.hashesPerSecond)],
          ["stored value", s.sample],
        ],
      })),
      verdict:
        `One core tries ${Math.round(fast!.hashesPerSecond / shop!.hashesPerSecond).toLocaleString("en")} SHA-256 ` +
        "guesses in the time of one argon2id guess, and argon2id needs 19 MiB for each guess in flight, which caps how many a GPU runs at once.",
    };
  },
};

/** What every example shares: where the shop is, who signs in, and how a failure is reported. */
import { describeError } from "@shopwright/client";

export const defaults = {
  url: process.env.SHOP_URL ?? "http://127.0.0.1:3000",
  adminEmail: process.env.ADMIN_EMAIL ?? "admin@shopwright.test",
  adminPassword: process.env.ADMIN_PASSWORD,
};

/** Runs an example; any error becomes one readable line (with the request id) and exit code 1. */
export function run(example: () => Promise<void>) {
  example().catch((err: unknown) => {
    console.error(describeError(err));
    process.exitCode = 1;
  });
}

export function required(value: string | undefined, what: string): string {
  if (!value) throw new Error(`Missing ${what}`);
  return value;
}

/** What every example shares: where the shop is, who signs in, and how a failure is reported. */
import { isShopError, requestIdOf } from "@shopwright/client";

export const defaults = {
  url: process.env.SHOP_URL ?? "http://127.0.0.1:3000",
  adminEmail: process.env.ADMIN_EMAIL ?? "admin@shopwright.test",
  adminPassword: process.env.ADMIN_PASSWORD,
};

/** Runs an example; any error becomes one readable line (with the request id) and exit code 1. */
export function run(example: () => Promise<void>) {
  example().catch((err: unknown) => {
    console.error(describe(err));
    process.exitCode = 1;
  });
}

export function describe(err: unknown): string {
  if (!isShopError(err)) return err instanceof Error ? err.message : String(err);
  const issues = err.data?.issues?.map((issue) => `\n  ${issue.path.join(".") || "input"}: ${issue.message}`) ?? [];
  const requestId = requestIdOf(err);
  return `${err.data?.code ?? "ERROR"}: ${err.message}${issues.join("")}${requestId ? `\n  (request id ${requestId})` : ""}`;
}

export function required(value: string | undefined, what: string): string {
  if (!value) throw new Error(`Missing ${what}`);
  return value;
}

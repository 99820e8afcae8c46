/**
 * Exports the orders placed in a date range to CSV, as an admin. Dates are UTC; `--to` is
 * exclusive, so `--from 2026-11-01 --to 2026-12-01` is November.
 *
 *   ADMIN_PASSWORD=... pnpm exec tsx examples/export-orders.ts --from 2026-11-01 --to 2026-12-01 --out november.csv
 *
 * Options: --url, --email (ADMIN_EMAIL), --password (ADMIN_PASSWORD), --status, --out (default stdout).
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { createShopClient } from "@shopwright/client";
import { defaults, required, run } from "./cli.ts";
import { csvRow } from "./csv.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: defaults.url },
    email: { type: "string", default: defaults.adminEmail },
    password: { type: "string", default: defaults.adminPassword },
    from: { type: "string" },
    to: { type: "string" },
    out: { type: "string" },
  },
});

run(async () => {
  const from = date(required(values.from, "--from"), "--from");
  const to = values.to ? date(values.to, "--to") : new Date();
  if (from >= to) throw new Error("--from must be before --to");
  const shop = createShopClient({ url: values.url });
  await shop.login({ email: values.email, password: required(values.password, "--password or ADMIN_PASSWORD") });

  const out = values.out ? createWriteStream(values.out) : process.stdout;
  const write = async (line: string) => {
    if (!out.write(`${line}\r\n`)) await once(out, "drain");
  };
  await write(csvRow(["order_number", "order_id", "placed_at", "status", "payment_status", "customer_email", "total"]));

  let exported = 0;
  // The list is newest first: skip what is newer than the range, stop at the first order older.
  for (let page = 1; ; page++) {
    const { items } = await shop.trpc.admin.orders.list.query({ page, pageSize: 100 });
    for (const order of items) {
      if (order.createdAt >= to) continue;
      if (order.createdAt < from) return done();
      await write(
        csvRow([
          order.number,
          order.id,
          order.createdAt.toISOString(),
          order.status,
          order.paymentStatus,
          order.email,
          (order.totalCents / 100).toFixed(2),
        ]),
      );
      exported += 1;
    }
    if (items.length === 0) return done();
  }

  async function done() {
    if (out !== process.stdout) {
      out.end();
      await once(out, "finish");
    }
    console.error(`Exported ${exported} order(s) placed from ${from.toISOString()} until ${to.toISOString()}`);
  }
});

function date(text: string, flag: string): Date {
  const parsed = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(parsed.getTime())) throw new Error(`${flag} must be a date like 2026-11-01`);
  return parsed;
}

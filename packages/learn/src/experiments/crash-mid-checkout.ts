/**
 * Crash mid-checkout: the process dies between two writes (a deploy, an out-of-memory kill, a
 * power cut). Without a transaction every statement that ran is kept: stock taken, an order with
 * no lines, the cart still full. The shop's checkout is one transaction, so a kill anywhere in it
 * leaves nothing, and the same checkout sent again simply succeeds.
 */
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { PostgresDb } from "@shopwright/db";
import { sql } from "drizzle-orm";
import type { CrashInput } from "../crash-child.ts";
import { type Experiment, requireDb } from "../experiment.ts";
import { checkoutAs, createProduct, fillCart, outcome, type Shopper, shoppersWithCart, testAddress } from "../shop.ts";

const CHILD = fileURLToPath(new URL("../crash-child.ts", import.meta.url));
const APPLICATION = "learn-crash-child";

export type Leftovers = {
  orders: number;
  orderLines: number;
  unitsTaken: number;
  cartLines: number;
};

export interface CrashResult {
  /** How each child process ended: "SIGKILL" when the crash happened as staged. */
  naive: Leftovers & { ended: string };
  shop: Leftovers & { ended: string; retry: string };
}

/** Runs the child; resolves with how it ended. `whileRunning` may kill it. */
function runChild(
  mode: "naive" | "shop",
  url: string,
  input: CrashInput,
  whileRunning?: (kill: () => void) => Promise<void>,
) {
  const withName = new URL(url);
  withName.searchParams.set("application_name", APPLICATION);
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, mode, withName.toString(), JSON.stringify(input)], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<string>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  return Promise.all([exited, whileRunning?.(() => child.kill("SIGKILL"))]).then(([how]) => how);
}

/** Waits until the child's database connections matching `condition` number `wanted` (at least, or none). */
async function waitForChild(db: PostgresDb, condition: string, wanted: "some" | "none"): Promise<void> {
  // Generous: the child must first start Node and compile the shop, slow on a busy machine.
  const deadline = Date.now() + 90_000;
  for (;;) {
    const [row] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = ${APPLICATION} and ${sql.raw(condition)}`);
    if (row!.n > 0 === (wanted === "some")) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${wanted} child connections: ${condition}`);
    await sleep(20);
  }
}

async function leftovers(db: PostgresDb, shopper: Shopper, variantIds: string[], stock: number): Promise<Leftovers> {
  const [row] = await db.execute<Leftovers>(sql`
    select (select count(*)::int from orders where user_id = ${shopper.id}) as "orders",
           (select count(*)::int from order_items i join orders o on o.id = i.order_id where o.user_id = ${shopper.id})
             as "orderLines",
           (select (${stock * variantIds.length} - sum(stock))::int from product_variants
             where id in (${sql.join(
               variantIds.map((id) => sql`${id}`),
               sql`, `,
             )})) as "unitsTaken",
           (select count(*)::int from cart_items i join carts c on c.id = i.cart_id where c.user_id = ${shopper.id})
             as "cartLines"`);
  return row!;
}

export async function runCrashMidCheckout(db: PostgresDb, url: string): Promise<CrashResult> {
  const stock = 10;
  const setUp = async () => {
    const a = await createProduct(db, { stock, priceCents: 500 });
    const b = await createProduct(db, { stock, priceCents: 700 });
    const [shopper] = await shoppersWithCart(db, 1, a.id);
    await fillCart(db, shopper!.id, [{ productId: b.id, quantity: 1 }]);
    const ids = [a.variantId, b.variantId];
    const input: CrashInput = {
      userId: shopper!.id,
      email: shopper!.email,
      accessToken: shopper!.accessToken,
      address: testAddress,
      lines: [a, b].map((p, i) => ({
        productId: p.id,
        variantId: p.variantId,
        quantity: 1,
        priceCents: i === 0 ? 500 : 700,
      })),
    };
    return { shopper: shopper!, ids, input };
  };

  const naive = await setUp();
  const naiveEnded = await runChild("naive", url, naive.input);

  // The shop's checkout takes stock variant by variant in id order; holding the later variant's
  // row stops it mid-transaction, after its first write, where the parent kills it.
  const shop = await setUp();
  const later = [...shop.ids].sort()[1]!;
  const client = await db.pool.connect();
  let shopEnded = "";
  try {
    await client.query("begin");
    await client.query("select 1 from product_variants where id = $1 for update", [later]);
    shopEnded = await runChild("shop", url, shop.input, async (kill) => {
      await waitForChild(db, "wait_event_type = 'Lock'", "some");
      kill();
    });
    await client.query("commit");
  } finally {
    client.release();
  }
  // The server rolls the dead client's transaction back once it sees the connection gone.
  await waitForChild(db, "true", "none");
  const shopLeft = await leftovers(db, shop.shopper, shop.ids, stock);
  const retry = await outcome(checkoutAs(shop.shopper, "crash-test"));
  return {
    naive: { ...(await leftovers(db, naive.shopper, naive.ids, stock)), ended: naiveEnded },
    shop: { ...shopLeft, ended: shopEnded, retry },
  };
}

export const crashMidCheckout: Experiment = {
  name: "crash-mid-checkout",
  summary: "SIGKILL a checkout between its writes: without a transaction, then the shop's",
  page: "checkout.md",
  database: true,
  async run(db) {
    const scratch = requireDb(db);
    const r = await runCrashMidCheckout(scratch, scratch.url);
    const rows = (l: Leftovers & { ended: string }): [string, string | number][] => [
      ["the process ended by", l.ended],
      ["orders left behind", l.orders],
      ["order lines", l.orderLines],
      ["units taken from stock", l.unitsTaken],
      ["lines still in the cart", l.cartLines],
    ];
    return {
      title: "crash-mid-checkout: a 2-line checkout, its process killed (SIGKILL) half-way",
      sections: [
        { heading: "The wrong way: separate statements, killed after the order row", rows: rows(r.naive) },
        {
          heading: "Shopwright: orders.checkout, one transaction, killed after taking the first line's stock",
          rows: [...rows(r.shop), ["the same checkout sent again", r.shop.retry]],
        },
      ],
      verdict:
        `Without a transaction the crash left an order with ${r.naive.orderLines} lines and ${r.naive.unitsTaken} units gone ` +
        `from stock; the shop's transaction left nothing, and the retried checkout answered ${r.shop.retry}.`,
    };
  },
};

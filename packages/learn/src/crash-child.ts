/**
 * The process the crash experiment kills: it checks out one shopper's cart, the wrong way (dying
 * by its own hand after writing the order row) or through the shop's checkout (killed by the
 * parent while its transaction waits on a row lock). Run as
 * `node --import tsx crash-child.ts <naive|shop> <databaseUrl> <json>`.
 */
import { type Address, createPostgresDb } from "@shopwright/db";
import { naiveCheckout } from "./naive-checkout.ts";

export interface CrashInput {
  userId: string;
  email: string;
  accessToken: string;
  address: Address;
  lines: { productId: string; variantId: string; quantity: number; priceCents: number }[];
}

const [mode, url, json] = process.argv.slice(2);
const input = JSON.parse(json!) as CrashInput;
const db = createPostgresDb(url!, { max: 1 });

if (mode === "naive") {
  await naiveCheckout(db, input, (step) => {
    if (step === "order") process.kill(process.pid, "SIGKILL");
  });
} else {
  // Loaded only here: the wrong way needs none of the shop, and starts faster without it.
  const { createCaller, createTestContext } = await import("@shopwright/api/testing");
  const { shopConfig } = await import("./shop.ts");
  const caller = createCaller(createTestContext(db, { config: shopConfig, req: { accessToken: input.accessToken } }));
  await caller.orders.checkout({ idempotencyKey: "crash-test", shippingAddress: input.address });
}
await db.close();

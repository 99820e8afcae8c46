import { expect, it } from "vitest";
import { useTestDb } from "../test-db.ts";
import { runCrashMidCheckout } from "./crash-mid-checkout.ts";

const testDb = useTestDb();

it("a crash between separate writes leaves a partial order; inside the shop's transaction it leaves nothing", async () => {
  const r = await runCrashMidCheckout(testDb(), testDb().url);
  expect(r.naive).toEqual({ ended: "SIGKILL", orders: 1, orderLines: 0, unitsTaken: 2, cartLines: 2 });
  expect(r.shop).toEqual({ ended: "SIGKILL", orders: 0, orderLines: 0, unitsTaken: 0, cartLines: 2, retry: "ok" });
  // Two child processes each start Node and compile TypeScript: about two seconds of CPU, which on
  // a 2-core machine busy with the rest of the suite can take far longer than the default allows.
}, 180_000);

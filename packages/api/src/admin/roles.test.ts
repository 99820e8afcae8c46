/**
 * Every procedure under `admin` is closed to everyone but admins. The list comes from the router
 * itself, so a procedure added later is covered without touching this file.
 */
import type { Db } from "@shopwright/db";
import { createTestDb } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppRouter } from "../root.ts";
import { createSignedInUser, fakePaymentGateway, guestCaller } from "../testing/index.ts";

const adminPaths = Object.keys(createAppRouter({ gateway: fakePaymentGateway() })._def.procedures).filter((path) =>
  path.startsWith("admin."),
);

/** Calls `path` (e.g. "admin.products.list") on a caller, with an input no check gets to read. */
function call(caller: object, path: string): Promise<unknown> {
  type Node = Record<string, unknown> & ((input: unknown) => Promise<unknown>);
  const procedure = path.split(".").reduce((node, key) => node[key] as Node, caller as Node);
  return procedure({});
}

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe("admin procedures", () => {
  it("include the ones the admin app is built on", () => {
    expect(adminPaths).toEqual(
      expect.arrayContaining([
        "admin.products.list",
        "admin.products.create",
        "admin.products.update",
        "admin.products.delete",
        "admin.products.uploadImage",
        "admin.categories.list",
        "admin.orders.list",
        "admin.orders.byId",
        "admin.orders.setStatus",
        "admin.stats",
        "admin.shipping.listZones",
        "admin.shipping.createZone",
        "admin.taxes.update",
        "admin.discounts.create",
      ]),
    );
  });

  it.each(adminPaths)("%s is FORBIDDEN to a customer and UNAUTHORIZED to a guest", async (path) => {
    const customer = await createSignedInUser(db, { role: "customer" });
    await expect(call(customer.caller, path)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(call(guestCaller(db), path)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

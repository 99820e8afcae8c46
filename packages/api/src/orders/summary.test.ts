import type { Db } from "@shopwright/db";
import { authTables } from "@shopwright/db/tables/auth";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { ordersTables } from "@shopwright/db/tables/orders";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProduct, fillCart, openShipping, testAddress, variantStock } from "../testing/fixtures.ts";
import { createSignedInUser, guestCaller } from "../testing/index.ts";

describe(`the checkout summary and the address on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await openShipping(db);
  });
  afterAll(() => db.close());

  const setStock = (productId: string, stock: number) =>
    db.orm
      .update(catalogTables(db).productVariants)
      .set({ stock })
      .where(eq(catalogTables(db).productVariants.productId, productId));

  it("flags a line sold out and a line short since they were added, totals what can be bought, and checkout charges that total once fixed", async () => {
    const shopper = await createSignedInUser(db);
    const lamp = await createProduct(db, { priceCents: 22_999, stock: 5, name: "Lamp" });
    const mug = await createProduct(db, { priceCents: 11_000, stock: 5, name: "Mug" });
    const tea = await createProduct(db, { priceCents: 500, stock: 5, name: "Tea" });
    await fillCart(db, shopper.id, [
      { productId: lamp.id, quantity: 1 },
      { productId: mug.id, quantity: 1 },
      { productId: tea.id, quantity: 4 },
    ]);
    await setStock(lamp.id, 0);
    await setStock(tea.id, 2);

    const summary = await shopper.caller.orders.checkoutSummary();
    expect(summary.lines.map((i) => [i.name, i.problem])).toEqual([
      ["Lamp", { kind: "unavailable" }],
      ["Mug", null],
      ["Tea", { kind: "short", available: 2 }],
    ]);
    expect(summary).toMatchObject({ subtotalCents: 11_000, totalCents: 11_000, problems: 2, canCheckout: false });
    await expect(
      shopper.caller.orders.checkout({ idempotencyKey: "summary-0001", shippingAddress: testAddress }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await shopper.caller.orders.list()).items).toEqual([]);

    // The fixes the page offers: remove the one, take what there is of the other.
    await shopper.caller.cart.removeItem({ productId: lamp.id });
    await shopper.caller.cart.updateItem({ productId: tea.id, quantity: 2 });
    const fixed = await shopper.caller.orders.checkoutSummary();
    expect(fixed).toMatchObject({ totalCents: 12_000, problems: 0, canCheckout: true });
    const { order } = await shopper.caller.orders.checkout({
      idempotencyKey: "summary-0002",
      shippingAddress: testAddress,
      expectedTotalCents: fixed.totalCents,
    });
    expect(order.totalCents).toBe(fixed.totalCents);
    expect(order.payment?.amountCents).toBe(fixed.totalCents);
  });

  it("refuses a total other than the one shown, changing nothing", async () => {
    const shopper = await createSignedInUser(db);
    const lamp = await createProduct(db, { priceCents: 1_000, stock: 5 });
    await fillCart(db, shopper.id, [{ productId: lamp.id, quantity: 2 }]);
    const shown = await shopper.caller.orders.checkoutSummary();
    await db.orm
      .update(catalogTables(db).productVariants)
      .set({ priceCents: 1_200 })
      .where(eq(catalogTables(db).productVariants.id, lamp.variantId));
    await expect(
      shopper.caller.orders.checkout({
        idempotencyKey: "summary-0003",
        shippingAddress: testAddress,
        expectedTotalCents: shown.totalCents,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { details: { totalCents: 2_400 } } });
    expect((await shopper.caller.orders.checkoutSummary()).lines).toHaveLength(1);
    expect(await variantStock(db, lamp.variantId)).toBe(5);
  });

  it("saves the address to the profile when asked, and only then", async () => {
    const lamp = await createProduct(db, { stock: 10 });
    const keeper = await createSignedInUser(db);
    await fillCart(db, keeper.id, [{ productId: lamp.id, quantity: 1 }]);
    await keeper.caller.orders.checkout({
      idempotencyKey: "save-0001",
      shippingAddress: testAddress,
      saveAddress: true,
    });
    expect((await keeper.caller.auth.me()).shippingAddress).toEqual(testAddress);

    const other = await createSignedInUser(db);
    await fillCart(db, other.id, [{ productId: lamp.id, quantity: 1 }]);
    await other.caller.orders.checkout({ idempotencyKey: "save-0002", shippingAddress: testAddress });
    expect((await other.caller.auth.me()).shippingAddress).toBeNull();
  });

  it("checks the postal code by country and takes the country from ISO 3166, with a sentence per field", async () => {
    const shopper = await createSignedInUser(db);
    const issues = async (address: Record<string, string>) => {
      const error = await shopper.caller.auth
        .updateProfile({ shippingAddress: { ...testAddress, ...address } })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      return ((error as { cause: { issues: { path: string[]; message: string }[] } }).cause.issues ?? []).map((i) => [
        i.path.join("."),
        i.message,
      ]);
    };
    expect(await issues({ postalCode: "!!", region: "CA", country: "US" })).toEqual([
      ["shippingAddress.postalCode", "Use a ZIP code like 94103"],
    ]);
    // Where the post needs a region, an address without a valid one is a field error.
    expect(await issues({ postalCode: "94103", country: "US" })).toEqual([
      ["shippingAddress.region", "Choose a state"],
    ]);
    expect(await issues({ postalCode: "94103", region: "Atlantis", country: "US" })).toEqual([
      ["shippingAddress.region", "Choose a state"],
    ]);
    // Every problem at once, not one per attempt.
    expect(await issues({ name: "", city: "", postalCode: "", country: "CA" })).toEqual([
      ["shippingAddress.name", "Enter the recipient's name"],
      ["shippingAddress.city", "Enter the city"],
      ["shippingAddress.postalCode", "Enter the postal code"],
      ["shippingAddress.region", "Choose a province or territory"],
    ]);
    expect(await issues({ country: "XX" })).toEqual([["shippingAddress.country", "Choose a country from the list"]]);
    expect(await issues({ postalCode: "1234", country: "DE" })).toEqual([
      ["shippingAddress.postalCode", "Use a postal code like 10115"],
    ]);
    expect(await issues({ postalCode: "!!", country: "KE" })).toEqual([
      ["shippingAddress.postalCode", "Enter a valid postal code"],
    ]);
    expect((await shopper.caller.auth.me()).shippingAddress).toBeNull();

    const saved = await shopper.caller.auth.updateProfile({
      shippingAddress: { ...testAddress, postalCode: " sw1y 4jh ", country: "gb" },
    });
    expect(saved.shippingAddress).toMatchObject({ postalCode: "SW1Y 4JH", country: "GB" });
    const american = await shopper.caller.auth.updateProfile({
      shippingAddress: {
        ...testAddress,
        city: "San Francisco",
        region: "california",
        postalCode: "94103",
        country: "US",
      },
    });
    expect(american.shippingAddress).toMatchObject({ region: "CA", postalCode: "94103", country: "US" });

    const countries = await guestCaller(db).orders.shippingCountries();
    expect(countries).toHaveLength(249);
    expect(countries.find((c) => c.code === "US")).toEqual({
      code: "US",
      postalCodeLabel: "ZIP code",
      postalCodePattern: expect.any(String),
      postalCodeExample: "94103",
      region: { label: "State", options: expect.arrayContaining([{ code: "CA", name: "California" }]) },
    });
    expect(countries.find((c) => c.code === "DE")?.region).toBeNull();
  });

  it("keeps addresses saved before regions existed: they load as they are, and checkout asks for the missing state", async () => {
    const shopper = await createSignedInUser(db);
    const lamp = await createProduct(db, { priceCents: 1_000, stock: 5 });
    const before = { name: "Ada", line1: "1 Market St", city: "San Francisco", postalCode: "94103", country: "US" };
    await openShipping(db, { countries: ["US"] });
    await db.orm
      .update(authTables(db).users)
      .set({ shippingAddress: before })
      .where(eq(authTables(db).users.id, shopper.id));
    expect((await shopper.caller.auth.me()).shippingAddress).toEqual(before);

    await fillCart(db, shopper.id, [{ productId: lamp.id, quantity: 1 }]);
    const refused = await shopper.caller.orders.checkout({ idempotencyKey: "old-address-1" }).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a state",
      cause: { details: { field: "shippingAddress.region" } },
    });

    const { order } = await shopper.caller.orders.checkout({
      idempotencyKey: "old-address-2",
      shippingAddress: { ...before, region: "CA" },
    });
    expect(order.shippingAddress).toEqual({ ...before, region: "CA" });
    // An order placed with the old shape still opens.
    await db.orm
      .update(ordersTables(db).orders)
      .set({ shippingAddress: before })
      .where(eq(ordersTables(db).orders.id, order.id));
    expect((await shopper.caller.orders.byId({ id: order.id })).shippingAddress).toEqual(before);
  });
});

/**
 * A product with a hundred variants in the admin's grid, in Chromium against a production build:
 * a bulk price change at 1280 px, a bulk stock change on a 390 px phone, each saved and read back
 * through the API; the phone's page fits the screen and passes axe.
 */
import { createShopClient, type ShopClient } from "@shopwright/client";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Shop, startShop } from "../../server/test/e2e/harness.ts";
import { axeProblems, sidewaysScroll, smallTargets } from "../../server/test/e2e/page-checks.ts";

const SIZES = ["36", "37", "38", "39", "40", "41", "42", "43", "44", "45"];
const COLOURS = ["Black", "White", "Sand", "Navy", "Olive", "Rust", "Grey", "Cream", "Teal", "Plum"];

let shop: Shop;
let client: ShopClient;
let productId: string;
/** The journey's page, for a screenshot when it fails. */
let current: Page | undefined;

async function signIn(page: Page) {
  current = page;
  await page.goto(shop.url("/admin/"));
  await page.getByLabel("Email").fill(shop.admin.email);
  await page.getByLabel("Password", { exact: true }).fill(shop.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
}

async function openProduct(page: Page) {
  await page.goto(shop.url(`/admin/products/${productId}`));
  await page.getByRole("table", { name: "Variants" }).getByRole("row").nth(1).waitFor();
}

const variantsNow = async () => (await client.trpc.admin.products.byId.query({ id: productId })).variants;

afterEach(async ({ task }) => {
  // What the page showed when a journey failed, next to the other screenshots.
  if (task.result?.state === "fail" && current) {
    console.log(`Failure screenshot: ${await shop.screenshot(current, `failed-${task.name.slice(0, 40)}`)}`);
  }
});

beforeAll(async () => {
  shop = await startShop({ screenshots: "admin-variants" });
  client = createShopClient({ url: shop.url(""), tokenDelivery: "body" });
  await client.login(shop.admin);
  const [category] = await client.trpc.admin.categories.list.query();
  const product = await client.trpc.admin.products.create.mutate({
    name: "Trail Runner",
    description: "A running shoe in ten sizes and ten colours.",
    priceCents: 5000,
    stock: 0,
    categoryId: category!.id,
    options: [
      { name: "Size", values: SIZES },
      { name: "Colour", values: COLOURS },
    ],
    variants: SIZES.flatMap((size) =>
      COLOURS.map((colour) => ({
        sku: `TRAIL-${size}-${colour.toUpperCase()}`,
        options: { Size: size, Colour: colour },
        priceCents: 5000,
        stock: 2,
      })),
    ),
  });
  productId = product.id;
});

afterAll(async () => {
  await shop?.stop();
});

describe("the variant grid", () => {
  it("at 1280 px, the admin sets the price of every Sand variant of a hundred at once", async () => {
    const page = await shop.newPage();
    await signIn(page);
    await openProduct(page);
    await page.getByText("1–25 of 100").waitFor();

    await page.getByRole("combobox", { name: "Show Colour" }).selectOption("Sand");
    await page.getByRole("button", { name: "Select all 10 shown" }).click();
    await page.getByText("10 selected").waitFor();
    await page.getByRole("textbox", { name: "New price (USD) for the selected variants" }).fill("45.50");
    await page.getByRole("button", { name: "Set price" }).click();
    await expect(page.getByRole("textbox", { name: "Price of Size 40 · Sand" }).inputValue()).resolves.toBe("45.50");
    await shop.screenshot(page, "grid-bulk-price");
    await page.getByRole("button", { name: "Save variants" }).click();
    await page.getByText("Variants saved.").waitFor();

    const saved = await variantsNow();
    expect(saved).toHaveLength(100);
    const sand = saved.filter((variant) => variant.options.Colour === "Sand");
    expect(sand.map((variant) => variant.priceCents)).toEqual(Array(10).fill(4550));
    expect(saved.filter((variant) => variant.priceCents === 5000)).toHaveLength(90);
    await page.context().close();
  });

  it("on a 390 px phone, the grid fits the screen, passes axe, and sets the stock of all hundred", async () => {
    const phone = await shop.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(phone);
    await openProduct(phone);
    expect(await sidewaysScroll(phone)).toEqual([]);
    expect(await smallTargets(phone)).toEqual([]);
    expect(await axeProblems(phone)).toEqual([]);

    await phone.getByRole("button", { name: "Select all 100 shown" }).click();
    await phone.getByRole("textbox", { name: "New stock for the selected variants" }).fill("7");
    await phone.getByRole("button", { name: "Set stock" }).click();
    await phone.getByRole("button", { name: "Next" }).click();
    await phone.getByText("26–50 of 100").waitFor();
    await expect(phone.getByRole("textbox", { name: "Stock of Size 40 · Sand" }).inputValue()).resolves.toBe("7");
    expect(await sidewaysScroll(phone)).toEqual([]);
    await shop.screenshot(phone, "grid-phone");
    await phone.getByRole("button", { name: "Save variants" }).click();
    await phone.getByText("Variants saved.").waitFor();

    expect((await variantsNow()).map((variant) => variant.stock)).toEqual(Array(100).fill(7));
    await phone.context().close();
  });
});

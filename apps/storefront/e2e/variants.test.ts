/**
 * A shopper chooses a variant in Chromium against a production build: Add to cart before choosing
 * says what to choose; choosing Size M · Sand shows that variant's price and stock and puts the
 * choice in the address (a reload keeps it); the cart, the order and its email name the options.
 */
import { createShopClient } from "@shopwright/client";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Shop, startShop } from "../../server/test/e2e/harness.ts";
import { checkPages } from "../../server/test/e2e/page-checks.ts";

let shop: Shop;

beforeAll(async () => {
  shop = await startShop({ screenshots: "storefront-variants" });
  shirt = await createShirt();
});

afterAll(async () => {
  await shop?.stop();
});

const PASSWORD = "correct horse battery";
const PAYMENT_SETTLES_MS = 60_000;

/**
 * A shirt in sizes and colours, made through the admin API: M in Sand costs more and has 3 left,
 * S is not made in Sand, the rest cost $24 with plenty in stock.
 */
async function createShirt() {
  const admin = createShopClient({ url: shop.url(""), tokenDelivery: "body" });
  await admin.login(shop.admin);
  const [category] = await admin.trpc.admin.categories.list.query();
  const made = [
    ["S", "Black"],
    ["M", "Black"],
    ["M", "Sand"],
    ["L", "Black"],
    ["L", "Sand"],
  ] as const;
  const product = await admin.trpc.admin.products.create.mutate({
    name: "Linen Camp Shirt",
    description: "Loose, cool linen for the summer.",
    priceCents: 2400,
    stock: 0,
    categoryId: category!.id,
    options: [
      { name: "Size", values: ["S", "M", "L"] },
      { name: "Colour", values: ["Black", "Sand"] },
    ],
    variants: made.map(([size, colour]) => ({
      sku: `CAMP-${size}-${colour.toUpperCase()}`,
      options: { Size: size, Colour: colour },
      priceCents: size === "M" && colour === "Sand" ? 2800 : 2400,
      stock: size === "M" && colour === "Sand" ? 3 : 9,
    })),
  });
  return { slug: product.slug, name: product.name };
}

let shirt: { slug: string; name: string };

const option = (page: Page, name: string) => page.getByRole("group", { name: new RegExp(`^${name}`) });

describe("a product with variants", () => {
  it("a shopper chooses Size M · Sand, shares its address, and finds the options on the cart, the order and its email", async () => {
    const page = await shop.newPage();
    await page.goto(shop.url(`/p/${shirt.slug}`));
    await page.getByRole("heading", { level: 1, name: shirt.name }).waitFor();
    await expect(page.getByTestId("price").textContent()).resolves.toBe("From $24.00");

    // Nothing chosen: Add to cart says what is missing, takes the shopper there, and asks the shop nothing.
    const cartCalls: string[] = [];
    page.on("request", (request) => request.url().includes("cart.addItem") && cartCalls.push(request.url()));
    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText("Choose a size").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("radio");
    expect(cartCalls).toEqual([]);

    await option(page, "Size").getByRole("radio", { name: "M", exact: true }).check();
    await option(page, "Colour").getByRole("radio", { name: "Sand", exact: true }).check();
    await page.waitForURL((url) => url.searchParams.get("size") === "M" && url.searchParams.get("colour") === "Sand");
    await expect(page.getByTestId("price").textContent()).resolves.toBe("$28.00");
    await page.getByText("Only 3 left", { exact: true }).waitFor();
    // S is not made in Sand: offered, but disabled with the reason in its name.
    expect(await option(page, "Size").getByRole("radio", { name: "S, not made in Sand" }).isDisabled()).toBe(true);
    await shop.screenshot(page, "product-m-sand");

    // The address is the choice: opened afresh, it shows the same variant.
    await page.reload();
    expect(await option(page, "Size").getByRole("radio", { name: "M", exact: true }).isChecked()).toBe(true);
    expect(await option(page, "Colour").getByRole("radio", { name: "Sand", exact: true }).isChecked()).toBe(true);
    await expect(page.getByTestId("price").textContent()).resolves.toBe("$28.00");

    await page.getByRole("button", { name: "Add to cart" }).click();
    await page.getByText("Added to your cart.").waitFor();
    await page.getByRole("link", { name: "View cart" }).click();
    const line = page.getByRole("listitem", { name: `${shirt.name} (Size M · Sand)` });
    await line.getByText("Size M · Sand", { exact: true }).waitFor();
    await shop.screenshot(page, "cart-m-sand");

    await page.getByRole("link", { name: "Create an account" }).click();
    const email = `variant-${Date.now()}@example.com`;
    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === "/checkout");
    await page.getByRole("region", { name: "Order summary" }).getByText("Size M · Sand").waitFor();
    await page.getByLabel("Country", { exact: true }).selectOption("GB");
    await page.getByLabel("Full name").fill("Ada Lovelace");
    await page.getByLabel("Address", { exact: true }).fill("12 St James's Square");
    await page.getByLabel("City").fill("London");
    await page.getByLabel("Postcode").fill("SW1Y 4JH");
    await page.getByRole("button", { name: /^Pay \$/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/mockpay/pay/"));
    await page.getByRole("button", { name: /approve/i }).click();

    await page.locator('[data-status="processing"]').waitFor({ timeout: PAYMENT_SETTLES_MS });
    await page.getByRole("region", { name: "Items" }).getByText("Size M · Sand").waitFor();
    await shop.screenshot(page, "order-m-sand");

    const admin = createShopClient({ url: shop.url(""), tokenDelivery: "body" });
    await admin.login(shop.admin);
    await expect
      .poll(
        async () => {
          const [mail] = (await admin.trpc.admin.mailbox.list.query()).filter(
            (m) => m.to.includes(email) && /order/i.test(m.subject),
          );
          return mail ? (await admin.trpc.admin.mailbox.get.query({ id: mail.id })).text : "";
        },
        { timeout: PAYMENT_SETTLES_MS, interval: 500 },
      )
      .toContain(`1 × ${shirt.name} (Size M · Sand)`);
    await page.context().close();
  });

  it("the product page with a choice passes axe and fits a phone, at 390 and 1280 px", async () => {
    const page = await shop.newPage();
    const problems = await checkPages(
      shop,
      page,
      [
        {
          name: "product-variant",
          path: `/p/${shirt.slug}?size=M&colour=Sand`,
          ready: (p) => option(p, "Size").getByRole("radio", { name: "M", exact: true }).waitFor(),
        },
      ],
      "variants",
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

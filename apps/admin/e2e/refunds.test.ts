/**
 * Money back, in Chromium against a production build on a real server: an admin refunds one line
 * of a shopper's paid three-line order (on a desktop, then another line on a 390 px phone); the
 * simulated provider's webhook settles each refund, the stock is back, the shopper sees the refund
 * on the order page and gets the email (read from the dev mail catcher, in the admin's Mailbox).
 */
import { randomUUID } from "node:crypto";
import { createShopClient } from "@shopwright/client";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Shop, startShop } from "../../server/test/e2e/harness.ts";

const ADDRESS = {
  name: "Katherine Johnson",
  line1: "3 Orbit Road",
  city: "Hampton",
  region: "VA",
  postalCode: "23666",
  country: "US",
};
const SHOPPER = {
  email: `refund-${randomUUID()}@example.com`,
  password: "refund e2e password",
  name: "Katherine Johnson",
};
const LINES = [
  { name: "Linen Tea Towel", priceCents: 1_200, quantity: 2 },
  { name: "Walnut Serving Board", priceCents: 4_500, quantity: 1 },
  { name: "Beeswax Candle", priceCents: 650, quantity: 3 },
];
const PHONE = { viewport: { width: 390, height: 844 } };

let shop: Shop;
let page: Page;

const client = () => createShopClient({ url: shop.url(""), tokenDelivery: "body" });

async function signIn(target: Page, path: string, account: { email: string; password: string }) {
  await target.goto(shop.url(path));
  await target.getByLabel("Email").fill(account.email);
  await target.getByLabel("Password", { exact: true }).fill(account.password);
  await target.getByRole("button", { name: "Sign in" }).click();
}

beforeAll(async () => {
  shop = await startShop({ screenshots: "admin-refunds" });
});

afterEach(async ({ task }) => {
  if (task.result?.state === "fail" && page) {
    console.log(`Failure screenshot: ${await shop.screenshot(page, `failed-${task.name.slice(0, 40)}`)}`);
  }
});

afterAll(async () => {
  await shop?.stop();
});

describe("refunds in the admin app", () => {
  it("an admin refunds one line of a paid three-line order, on a desktop and at 390 px; the shopper sees it and is emailed; cancelling a paid order refunds it in full", async () => {
    const admin = client();
    await admin.login(shop.admin);
    const category = await admin.trpc.admin.categories.create.mutate({ name: `Kitchen ${randomUUID().slice(0, 8)}` });
    const products: { id: string; name: string; slug: string }[] = [];
    for (const line of LINES) {
      products.push(
        await admin.trpc.admin.products.create.mutate({
          name: `${line.name} ${randomUUID().slice(0, 6)}`,
          description: "For the refund journey.",
          priceCents: line.priceCents,
          stock: 10,
          categoryId: category.id,
        }),
      );
    }
    const stockOf = async (i: number) => (await client().trpc.catalog.product.query({ slug: products[i]!.slug })).stock;

    const shopper = client();
    await shopper.register(SHOPPER);
    for (const [i, product] of products.entries()) {
      await shopper.trpc.cart.addItem.mutate({ productId: product.id, quantity: LINES[i]!.quantity });
    }
    const { order } = await shopper.trpc.orders.checkout.mutate({
      idempotencyKey: randomUUID(),
      shippingAddress: ADDRESS,
    });
    await shopper.trpc.payments.simulate.mutate({ orderId: order.id, decision: "approve" });
    await expect
      .poll(async () => (await shopper.trpc.orders.byId.query({ id: order.id })).status, { timeout: 30_000 })
      .toBe("processing");
    expect(await stockOf(1)).toBe(9);

    // The desktop admin refunds the serving board, back to stock.
    page = await shop.newPage();
    await signIn(page, "/admin/", shop.admin);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.goto(shop.url(`/admin/orders/${order.id}`));
    await page.getByRole("heading", { name: `Order #${order.number}` }).waitFor();
    await page.getByLabel(`Quantity of ${products[1]!.name}`).fill("1");
    await page.getByLabel("Reason (the customer sees it)").fill("The board arrived cracked");
    await page.getByRole("button", { name: "Refund $45.00" }).click();
    const refunds = page.getByRole("list", { name: "Refunds" });
    await refunds.getByText("Refunded", { exact: true }).waitFor({ timeout: 30_000 });
    await refunds.getByText("The board arrived cracked").waitFor();
    await shop.screenshot(page, "order-refunded");
    expect(await stockOf(1)).toBe(10);
    expect(await stockOf(0)).toBe(8);

    // The shopper's order page shows the refund.
    const storefront = await shop.newPage(PHONE);
    await signIn(storefront, "/login", SHOPPER);
    await storefront.waitForURL((url) => url.pathname !== "/login");
    await storefront.goto(shop.url(`/orders/${order.id}`));
    const shopperRefunds = storefront.getByRole("list", { name: "Refunds" });
    await shopperRefunds.getByText("$45.00").waitFor();
    await shopperRefunds.getByText("The board arrived cracked").waitFor();
    await shop.screenshot(storefront, "storefront-order-refunded-390");

    // …and the email, caught by the dev mail catcher.
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Mailbox" }).click();
    const mail = page.getByRole("list", { name: "Messages" }).getByRole("button", {
      name: new RegExp(`We refunded \\$45\\.00 for your order #${order.number}`),
    });
    await mail.waitFor({ timeout: 30_000 });
    await mail.click();
    await page.frameLocator("iframe").getByText("Reason: The board arrived cracked").waitFor();

    // On a phone, the admin refunds two of the three candles, left on the shelf.
    const phone = await shop.newPage(PHONE);
    page = phone;
    await signIn(phone, "/admin/", shop.admin);
    await phone.getByRole("heading", { name: "Dashboard" }).waitFor();
    await phone.goto(shop.url(`/admin/orders/${order.id}`));
    await phone.getByRole("heading", { name: `Order #${order.number}` }).waitFor();
    await phone.getByLabel(`Quantity of ${products[2]!.name}`).fill("2");
    await phone.getByLabel(`Put back in stock (${products[2]!.name})`).uncheck();
    await phone.getByLabel("Reason (the customer sees it)").fill("Two candles melted in transit");
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.getByRole("button", { name: "Refund $13.00" }).click();
    await phone.getByRole("list", { name: "Refunds" }).getByText("Two candles melted in transit").waitFor();
    await expect
      .poll(async () => (await shopper.trpc.orders.byId.query({ id: order.id })).refundedCents, { timeout: 30_000 })
      .toBe(5_800);
    await shop.screenshot(phone, "order-refunded-390");
    expect(await stockOf(2)).toBe(7);
    const seen = await shopper.trpc.orders.byId.query({ id: order.id });
    expect(seen.payment?.status).toBe("partially_refunded");
    expect(seen.refunds.map((r) => [r.amountCents, r.status])).toEqual([
      [4_500, "succeeded"],
      [1_300, "succeeded"],
    ]);

    // Cancelling a paid order refunds it in full in the same step; the stock goes back once.
    await shopper.trpc.cart.addItem.mutate({ productId: products[0]!.id, quantity: 1 });
    const second = (
      await shopper.trpc.orders.checkout.mutate({ idempotencyKey: randomUUID(), shippingAddress: ADDRESS })
    ).order;
    await shopper.trpc.payments.simulate.mutate({ orderId: second.id, decision: "approve" });
    await expect
      .poll(async () => (await shopper.trpc.orders.byId.query({ id: second.id })).status, { timeout: 30_000 })
      .toBe("processing");
    expect(await stockOf(0)).toBe(7);
    await phone.goto(shop.url(`/admin/orders/${second.id}`));
    await phone.getByRole("heading", { name: `Order #${second.number}` }).waitFor();
    // $12.00 of goods ships for $5.99 (free only from $75): the full refund gives the shipping back too.
    expect(second).toMatchObject({ subtotalCents: 1_200, shippingCents: 599, totalCents: 1_799 });
    expect(await phone.getByLabel("When cancelling, refund the full $17.99").isChecked()).toBe(true);
    const questions: string[] = [];
    phone.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await phone.getByRole("button", { name: "Cancel order" }).click();
    await phone
      .getByRole("list", { name: "Refunds" })
      .getByText("Refunded", { exact: true })
      .waitFor({ timeout: 30_000 });
    expect(questions).toEqual([expect.stringContaining("Cancel this order and refund $17.99?")]);
    const cancelled = await shopper.trpc.orders.byId.query({ id: second.id });
    expect(cancelled).toMatchObject({ status: "cancelled", refundedCents: 1_799, payment: { status: "refunded" } });
    expect(await stockOf(0)).toBe(8);
  });
});

/**
 * A guest's journey in Chromium against a production build on a real server: a cart and a checkout
 * without an account on a phone, the payment, the order link emailed to them, the account made from
 * the order's page for that email, confirmed from the Mailbox, and the order in that account. And
 * "Find my order", which answers alike whether or not the number is theirs.
 */
import { randomUUID } from "node:crypto";
import { createShopClient } from "@shopwright/client";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Shop, startShop } from "../../server/test/e2e/harness.ts";
import { checkPages } from "../../server/test/e2e/page-checks.ts";
import {
  ADDRESS,
  addToCart,
  adminClient,
  atPath,
  emailedLink,
  fillAddress,
  orderNumberOf,
  PAYMENT_SETTLES_MS,
  PHONE,
  payButton,
  register,
  requireCatalog,
  uniqueEmail,
} from "./shopper.ts";

let shop: Shop;

beforeAll(async () => {
  shop = await startShop({ screenshots: "storefront-guest" });
});

afterAll(async () => {
  await shop?.stop();
});

const FIND_ORDER_ANSWER = "If that order is yours, we’ve emailed you a link to it.";

/** A guest's cart with the cheapest product in stock. */
async function fillCart(page: Page) {
  await page.goto(shop.url("/search?inStock=1&sort=price_asc"));
  await page.getByRole("list", { name: "Products" }).getByRole("link").first().click();
  await addToCart(page);
}

/** The texts of the emails the Mailbox holds for `email`. */
async function mailsTo(email: string): Promise<string[]> {
  const admin = await adminClient(shop);
  const mails = (await admin.trpc.admin.mailbox.list.query()).filter((m) => m.to.includes(email));
  return Promise.all(mails.map(async (m) => (await admin.trpc.admin.mailbox.get.query({ id: m.id })).text ?? ""));
}

/** A guest checkout on `page`, paid on the simulated gateway; returns the email it was placed with. */
async function checkOutAsGuest(page: Page, label: string): Promise<string> {
  const email = uniqueEmail(label);
  await fillCart(page);
  await page.goto(shop.url("/cart"));
  await page.getByRole("link", { name: "Check out", exact: true }).click();
  await page.waitForURL(atPath("/checkout"));
  await page.getByLabel("Email").fill(email);
  await fillAddress(page);
  await payButton(page).click();
  await page.waitForURL((url) => url.pathname.startsWith("/mockpay/pay/"));
  await page.getByRole("button", { name: /approve/i }).click();
  await page.waitForURL(atPath("/my-order"));
  await page.locator('[data-status="processing"]').waitFor({ timeout: PAYMENT_SETTLES_MS });
  return email;
}

describe("guest checkout", () => {
  it("a guest checks out on a phone, opens the emailed order link, makes an account from the thank-you page, confirms it, and finds the order there", async () => {
    await requireCatalog(shop);
    const page = await shop.newPage(PHONE);
    await fillCart(page);

    await page.goto(shop.url("/cart"));
    await page.getByRole("link", { name: "Check out", exact: true }).click();
    await page.waitForURL(atPath("/checkout"));
    await page.getByRole("link", { name: "Sign in to use your saved address" }).waitFor();
    // A malformed email is refused in words before anything is sent.
    const email = uniqueEmail("guest");
    await page.getByLabel("Email").fill(email.replace("@", ""));
    await fillAddress(page);
    await payButton(page).click();
    await page.getByText("Enter a valid email address").waitFor();
    expect(await page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/checkout");
    await page.getByLabel("Email").fill(email);
    await page.getByText("Enter a valid email address").waitFor({ state: "detached" });
    await shop.screenshot(page, "guest-checkout-390");
    await payButton(page).click();

    await page.waitForURL((url) => url.pathname.startsWith("/mockpay/pay/"));
    await page.getByRole("button", { name: /approve/i }).click();
    // The gateway brings the guest back to the order's own link.
    await page.waitForURL(atPath("/my-order"));
    await page.locator('[data-status="processing"]').waitFor({ timeout: PAYMENT_SETTLES_MS });
    await page.getByText("Thank you for your order!").waitFor();
    const number = await orderNumberOf(page);
    await shop.screenshot(page, "guest-order-390");

    // The confirmation email's link opens the same order, in a tab of its own as from a mail app,
    // kept from search engines and shared caches.
    const link = await emailedLink(shop, email, "/my-order");
    const mailTab = await page.context().newPage();
    const response = await mailTab.goto(link);
    expect(response?.headers()["x-robots-tag"]).toBe("noindex");
    expect(response?.headers()["cache-control"]).toBe("private, no-store");
    await mailTab.getByRole("heading", { level: 1, name: `Order ${number}` }).waitFor();
    await mailTab.getByRole("list", { name: "Order history" }).getByText("Processing").waitFor();
    expect(await mailTab.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
    await shop.screenshot(mailTab, "guest-mail-link-390");
    await mailTab.close();

    // Back on the thank-you page: an account for the email the order was placed with.
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(atPath("/register"));
    expect(await page.getByLabel("Email").inputValue()).toBe(email);
    await register(page);
    await page.waitForURL(atPath("/orders"));
    // Until the address is confirmed, the account does not show the guest's order.
    await page.getByText(`show here once you confirm that address`).waitFor();
    await page.getByText("No orders yet").waitFor();
    await shop.screenshot(page, "guest-account-unverified-390");

    await page.goto(await emailedLink(shop, email, "/verify-email"));
    await page.getByRole("button", { name: "Confirm my email" }).click();
    await page.getByText("Your email is confirmed").waitFor();
    await page.goto(shop.url("/orders"));
    await page.getByRole("link", { name: new RegExp(`Order ${number}`) }).click();
    await page.getByRole("heading", { level: 1, name: `Order ${number}` }).waitFor();
    await shop.screenshot(page, "guest-order-in-account-390");
    await page.context().close();
  });

  it("Find my order answers another's order number as it answers the guest's own, and emails the link only for their own", async () => {
    await requireCatalog(shop);
    // Someone else's guest order, placed as a script would.
    const other = createShopClient({ url: shop.url("") });
    const { items } = await other.trpc.catalog.search.query({ inStock: true, sort: "price_asc" });
    await other.trpc.cart.addItem.mutate({ productId: items[0]!.id, quantity: 1 });
    const { order: theirs } = await other.trpc.orders.checkout.mutate({
      idempotencyKey: randomUUID(),
      shippingAddress: ADDRESS,
      email: uniqueEmail("other"),
    });

    const page = await shop.newPage();
    const email = await checkOutAsGuest(page, "finder");
    const number = await orderNumberOf(page);
    await expect.poll(() => mailsTo(email), { timeout: PAYMENT_SETTLES_MS }).toHaveLength(1);

    for (const asked of [`#${theirs.number}`, number]) {
      await page.goto(shop.url("/"));
      await page.getByRole("link", { name: "Find my order" }).click();
      await page.getByRole("heading", { level: 1, name: "Find my order" }).waitFor();
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Order number").fill(asked);
      await page.getByRole("button", { name: "Email me the link" }).click();
      await page.getByText(FIND_ORDER_ANSWER).waitFor();
    }
    await expect.poll(() => mailsTo(email), { timeout: PAYMENT_SETTLES_MS }).toHaveLength(2);
    const texts = await mailsTo(email);
    expect(texts.every((text) => text.includes("/my-order#token="))).toBe(true);
    expect(texts.some((text) => text.includes(`#${theirs.number}`))).toBe(false);
    await page.context().close();
  });

  it("the guest's pages pass axe, fit a phone, and work at 1280 px", async () => {
    await requireCatalog(shop);
    const page = await shop.newPage();
    const email = await checkOutAsGuest(page, "axe-guest");
    const orderLink = await emailedLink(shop, email, "/my-order");
    await fillCart(page);
    const heading = (name: string | RegExp) => (p: Page) => p.getByRole("heading", { level: 1, name }).waitFor();
    const problems = await checkPages(
      shop,
      page,
      [
        { name: "guest-checkout", path: "/checkout", ready: (p) => payButton(p).waitFor() },
        { name: "find-order", path: "/find-order", ready: heading("Find my order") },
        { name: "order-link", path: new URL(orderLink).pathname + new URL(orderLink).hash, ready: heading(/^Order #/) },
        {
          name: "order-link-unknown",
          path: "/my-order#token=nothing",
          ready: (p) => p.getByText("This link does not open an order").waitFor(),
        },
      ],
      "guest",
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

/**
 * What the storefront's browser journeys share: a shopper's account and address, the steps of
 * filling a cart and checking out, and the links the shop emails, read from the admin's Mailbox.
 */
import { createShopClient } from "@shopwright/client";
import type { Page } from "playwright-core";
import type { Shop } from "../../server/test/e2e/harness.ts";
import { ADDRESS } from "../src/test-utils/fixtures.ts";

export { ADDRESS };

export const PASSWORD = "correct horse battery";
/** The webhook travels through the job queue; the embedded database's worker polls, so allow for it. */
export const PAYMENT_SETTLES_MS = 60_000;
export const PHONE = { viewport: { width: 390, height: 844 } };

/** Matches on the path alone: "/register?next=/checkout" is not yet the checkout page. */
export const atPath = (path: string) => (url: URL) => url.pathname === path;
export const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** Fills the register form (the email is left as it is when none is given) and sends it. */
export async function register(page: Page, email?: string) {
  await page.getByLabel("Name").fill("Ada Lovelace");
  if (email !== undefined) await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

/** The country first: the form follows its conventions (the UK's word is "Postcode"). */
export async function fillAddress(page: Page) {
  await page.getByLabel("Country", { exact: true }).selectOption(ADDRESS.country);
  await page.getByLabel("Full name").fill(ADDRESS.name);
  await page.getByLabel("Address", { exact: true }).fill(ADDRESS.line1);
  await page.getByLabel("City").fill(ADDRESS.city);
  await page.getByLabel("Postcode").fill(ADDRESS.postalCode);
}

/** The journeys shop from the seeded catalog; without one they would only time out. */
export async function requireCatalog(shop: Shop) {
  const response = await fetch(shop.url("/trpc/catalog.search"));
  const body = (await response.json()) as { result?: { data: { json: { total: number } } } };
  if (!body.result?.data.json.total) throw new Error("The shop started with an empty catalog: SEED=auto did not seed");
}

/** On a product sold in sizes, colours or finishes, chooses the first value of each that can be had. */
export async function chooseFirstOptions(page: Page) {
  await page.getByRole("button", { name: "Add to cart" }).waitFor();
  for (const option of await page.locator("fieldset[data-option]").all()) {
    await option.locator("input:not(:disabled)").first().check();
  }
}

/** Adds the product on screen, choosing its options first if it has any. */
export async function addToCart(page: Page) {
  await chooseFirstOptions(page);
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByText("Added to your cart.").waitFor();
}

/** The checkout's submit button, which names the amount it charges. */
export const payButton = (page: Page) => page.getByRole("button", { name: /^Pay \$/ });

/** "#1042", as the order page's heading shows it. */
export async function orderNumberOf(page: Page): Promise<string> {
  const heading = page.getByRole("heading", { level: 1, name: /^Order #\d+$/ });
  await heading.waitFor();
  return (await heading.textContent())!.replace("Order ", "");
}

export async function adminClient(shop: Shop) {
  const admin = createShopClient({ url: shop.url(""), tokenDelivery: "body" });
  await admin.login(shop.admin);
  return admin;
}

/**
 * The link to `page` (a reset, a verification, a guest's order) in the newest such email to `email`
 * in the Mailbox, once it has arrived; other emails to the address (a new account's link) are
 * passed over.
 */
export async function emailedLink(
  shop: Shop,
  email: string,
  page: "/reset-password" | "/verify-email" | "/my-order",
): Promise<string> {
  const admin = await adminClient(shop);
  const deadline = Date.now() + PAYMENT_SETTLES_MS;
  const pattern = new RegExp(`https?://\\S+${page}#token=[\\w-]+`);
  for (;;) {
    for (const mail of (await admin.trpc.admin.mailbox.list.query()).filter((m) => m.to.includes(email))) {
      const link = pattern.exec((await admin.trpc.admin.mailbox.get.query({ id: mail.id })).text ?? "")?.[0];
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`No ${page} email reached ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * An admin's day in Chromium against a production build on a real server: sign in, build the
 * catalog, ship an order, rescue a dead job. One server for the file; the journeys run in order
 * and build on each other (the order ships the product the first journey created).
 */
import { randomUUID } from "node:crypto";
import { createShopClient } from "@shopwright/client";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Shop, startShop } from "../../server/test/e2e/harness.ts";
import { photo } from "../../server/test/e2e/images.ts";
import { checkPages } from "../../server/test/e2e/page-checks.ts";

const ADDRESS = {
  name: "Grace Hopper",
  line1: "1 Compiler Lane",
  city: "Arlington",
  region: "VA",
  postalCode: "22201",
  country: "US",
};
const SHOPPER = {
  email: `shopper-${randomUUID()}@example.com`,
  password: "shopper e2e password",
  name: "Grace Hopper",
};
const PRODUCT = "Speckled Stoneware Teapot";

let shop: Shop;
let admin: Page;

/** Opens a section from the sidebar and waits for its page (each page is its own chunk, loaded on demand). */
async function openSection(name: string) {
  await admin.getByRole("navigation", { name: "Sections" }).getByRole("link", { name }).click();
  await admin.getByRole("heading", { level: 1, name, exact: true }).waitFor();
}

/** A script's view of the shop: the typed client, signed in as `account`. */
async function signedInClient(account: { email: string; password: string }) {
  const client = createShopClient({ url: shop.url(""), tokenDelivery: "body" });
  await client.login(account);
  return client;
}

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto(shop.url("/admin/"));
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

beforeAll(async () => {
  shop = await startShop({ screenshots: "admin" });
  await createShopClient({ url: shop.url(""), tokenDelivery: "body" }).register(SHOPPER);
  admin = await shop.newPage();
});

afterEach(async ({ task }) => {
  // What the admin was looking at when a journey failed, next to the other screenshots.
  if (task.result?.state === "fail" && admin) {
    console.log(`Failure screenshot: ${await shop.screenshot(admin, `failed-${task.name.slice(0, 40)}`)}`);
  }
});

afterAll(async () => {
  await shop?.stop();
});

describe("admin app", () => {
  it("tells a customer who signs in that they are not an admin, and shows nothing else", async () => {
    const page = await shop.newPage();
    await signIn(page, SHOPPER);
    await page.getByText("This account is not an admin account").waitFor();
    expect(new URL(page.url()).pathname).toBe("/admin/login");
    expect(await page.getByRole("navigation", { name: "Sections" }).count()).toBe(0);
    await shop.screenshot(page, "login-not-admin");
    await page.context().close();
  });

  it("an admin creates a category and a product with an image, and a shopper finds it by search", async () => {
    await signIn(admin, shop.admin);
    await admin.getByRole("heading", { name: "Dashboard" }).waitFor();
    await shop.screenshot(admin, "dashboard");

    await openSection("Categories");
    await admin.getByLabel("Name", { exact: true }).fill("Tea Things");
    await admin.getByRole("button", { name: "Create category" }).click();
    await admin.getByRole("list", { name: "Category tree" }).getByText("Tea Things", { exact: true }).waitFor();
    await shop.screenshot(admin, "categories");

    await openSection("Products");
    await admin.getByRole("link", { name: "New product" }).click();
    await admin.getByRole("heading", { name: "New product" }).waitFor();
    // Every problem at once, in one round, with focus on the first.
    await admin.getByLabel("Price (USD)").fill("twelve");
    await admin.getByRole("button", { name: "Create product" }).click();
    const errorUnder = (label: string) =>
      admin.getByLabel(label, { exact: true }).evaluate((input) => {
        const ids = (input.getAttribute("aria-describedby") ?? "").split(" ");
        return document.getElementById(ids.at(-1) ?? "")?.textContent;
      });
    await expect.poll(() => errorUnder("Name")).toBe("Give the product a name");
    expect(await errorUnder("Price (USD)")).toBe("Enter a price like 12.99");
    expect(await errorUnder("Category")).toBe("Choose a category");
    expect(await admin.getByLabel("Name", { exact: true }).evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    await shop.screenshot(admin, "product-all-errors");
    // Price, stock and status line up, the price's message under it notwithstanding.
    const tops = await Promise.all(
      ["Price (USD)", "Stock", "Status"].map(async (label) => (await admin.getByLabel(label).boundingBox())!.y),
    );
    expect(new Set(tops).size).toBe(1);
    await admin.getByLabel("Name", { exact: true }).fill(PRODUCT);
    await expect.poll(() => errorUnder("Name")).toBeUndefined();
    await admin.getByLabel("Description").fill("Hand-thrown, holds six cups, speckled glaze.");
    await admin.getByLabel("Price (USD)").fill("-4");
    await admin.getByLabel("Stock").fill("12");
    await admin.getByLabel("Category").selectOption({ label: "Tea Things" });
    await admin.getByRole("button", { name: "Create product" }).click();
    // The server's validation comes back on the field it concerns.
    await admin.getByText("Price cannot be negative").waitFor();
    await admin.getByLabel("Price (USD)").fill("39.00");
    await admin.getByRole("button", { name: "Create product" }).click();
    await admin.getByRole("heading", { name: PRODUCT }).waitFor();

    // A file that only claims to be a picture is refused with a message, and nothing is added.
    const fake = { name: "teapot.png", mimeType: "image/png", buffer: Buffer.from("not a picture at all") };
    await admin.getByLabel("Upload image").setInputFiles(fake);
    await admin.getByText("Upload a JPEG, PNG or WebP image").waitFor();
    const teapot = await photo({ width: 900, height: 600 });
    await admin
      .getByLabel("Upload image")
      .setInputFiles({ name: "teapot.jpg", mimeType: "image/jpeg", buffer: teapot });
    const images = admin.getByRole("list", { name: "Product images" });
    await images.getByRole("listitem").first().waitFor();
    await admin.getByLabel("Alt text for image 1").fill("The teapot from the side");
    await admin.getByRole("button", { name: "Save order and alt text" }).click();
    await admin.getByRole("list", { name: "Audit log" }).getByText("Product images updated").waitFor();
    await shop.screenshot(admin, "product");

    await openSection("Products");
    await admin.getByLabel("Search products").fill("stoneware");
    await admin.getByText("1–1 of 1").waitFor();
    await admin.getByRole("table", { name: "Products" }).getByRole("link", { name: PRODUCT }).waitFor();
    await shop.screenshot(admin, "products");

    // The server's worker makes the variants in the background.
    const guest = createShopClient({ url: shop.url(""), tokenDelivery: "body" });
    await expect
      .poll(
        async () => (await guest.trpc.catalog.product.query({ slug: "speckled-stoneware-teapot" })).images[0]?.sources,
        {
          timeout: 30_000,
        },
      )
      .toHaveLength(2);

    // A shopper finds it in the storefront's search, image and alt text included, served as a variant.
    const shopper = await shop.newPage();
    await shopper.goto(shop.url("/search?q=stoneware%20teapot"));
    const card = shopper.getByRole("link", { name: new RegExp(PRODUCT) });
    const image = card.getByRole("img", { name: "The teapot from the side" });
    await image.waitFor();
    expect(await image.getAttribute("srcset")).toMatch(
      /\/media\/variants\/.+\/200\.jpg 200w, .+ 400w, .+ 800w, .+ 900w$/,
    );
    expect([await image.getAttribute("width"), await image.getAttribute("height")]).toEqual(["900", "600"]);
    const chosen = await image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return img.currentSrc;
    });
    // Chromium takes AVIF, at a width for a ~240 px card (400, or 800 on a 2× screen).
    expect(chosen).toMatch(/\/media\/variants\/img_\w+\.[0-9a-f]{16}\/(400|800)\.avif$/);
    const served = await fetch(chosen);
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("content-type")).toBe("image/avif");
    await shop.screenshot(shopper, "storefront-search");
    await shopper.context().close();
  });

  it("an admin ships and delivers a paid order, and the shopper sees each new status", async () => {
    const shopper = await signedInClient(SHOPPER);
    const product = await shopper.trpc.catalog.product.query({ slug: "speckled-stoneware-teapot" });
    await shopper.trpc.cart.addItem.mutate({ productId: product.id, quantity: 2 });
    const { order, paymentUrl } = await shopper.trpc.orders.checkout.mutate({
      idempotencyKey: randomUUID(),
      shippingAddress: ADDRESS,
    });

    // The shopper pays on the gateway's page; its webhook moves the order to processing.
    expect(paymentUrl).toBeTruthy();
    const storefront = await shop.newPage();
    await storefront.goto(paymentUrl!);
    await storefront.getByRole("button", { name: "Approve" }).click();
    await expect
      .poll(async () => (await shopper.trpc.orders.byId.query({ id: order.id })).status, { timeout: 30_000 })
      .toBe("processing");
    // …and then follows it from the storefront's order page.
    await storefront.goto(shop.url("/login"));
    await storefront.getByLabel("Email").fill(SHOPPER.email);
    await storefront.getByLabel("Password", { exact: true }).fill(SHOPPER.password);
    await storefront.getByRole("button", { name: "Sign in" }).click();
    await storefront.waitForURL((url) => url.pathname !== "/login");
    const shopperSees = async (status: string) => {
      await storefront.goto(shop.url(`/orders/${order.id}`));
      await storefront.getByRole("list", { name: "Order history" }).getByText(status, { exact: true }).waitFor();
    };
    await shopperSees("Processing");

    await openSection("Orders");
    await admin.getByLabel("Status").selectOption("processing");
    // People quote the short number; the admin finds the order by it.
    await admin.getByLabel("Search by order number, customer email or name").fill(`#${order.number}`);
    await admin.getByRole("table", { name: "Orders" }).getByText(SHOPPER.email).waitFor();
    await shop.screenshot(admin, "orders");
    await admin.getByRole("link", { name: `#${order.number}`, exact: true }).click();
    await admin.getByRole("heading", { name: `Order #${order.number}` }).waitFor();
    await admin.getByRole("table", { name: "Items" }).getByText(PRODUCT).waitFor();

    // Shipping with the tracking field blank asks first; declined, nothing happens.
    const questions: string[] = [];
    admin.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await admin.getByRole("button", { name: "Mark shipped" }).click();
    await expect.poll(() => questions).toEqual([expect.stringContaining("Ship without a tracking number?")]);
    expect(await admin.getByRole("button", { name: "Mark delivered" }).count()).toBe(0);
    // Accepted, it ships: a parcel may go untracked, and the number can follow.
    admin.once("dialog", (dialog) => void dialog.accept());
    await admin.getByRole("button", { name: "Mark shipped" }).click();
    await admin.getByRole("button", { name: "Mark delivered" }).waitFor();
    // A shipped order cannot go back: the only way on is delivery.
    expect(await admin.getByRole("button", { name: /Cancel order|Mark processing/ }).count()).toBe(0);
    await shopperSees("Shipped");
    expect(await storefront.getByText(/Tracking number/).count()).toBe(0);

    // The number added after shipping reaches the shopper's page and their inbox.
    await admin.getByLabel("Tracking number (none given yet)").fill("1Z999AA10123456784");
    await admin.getByRole("button", { name: "Add tracking number" }).click();
    await admin.getByText("Saved. The customer has been told.").waitFor();
    await shop.screenshot(admin, "order-tracking-added");
    await shopperSees("Shipped");
    await storefront.getByText("Tracking number: 1Z999AA10123456784").waitFor();
    await shop.screenshot(storefront, "storefront-order-shipped");

    // The customer is told by email, through the same job pipeline as the confirmation.
    await openSection("Mailbox");
    const shippedMail = admin.getByRole("list", { name: "Messages" }).getByRole("button", {
      name: new RegExp(`Your order #${order.number} has shipped`),
    });
    const trackingMail = admin.getByRole("list", { name: "Messages" }).getByRole("button", {
      name: new RegExp(`Tracking for your order #${order.number}`),
    });
    // The Mailbox refreshes by itself every few seconds.
    await shippedMail.waitFor({ timeout: 30_000 });
    await trackingMail.waitFor({ timeout: 30_000 });
    await trackingMail.click();
    await admin.frameLocator("iframe").getByText("Tracking number: 1Z999AA10123456784").waitFor();
    await shop.screenshot(admin, "mailbox-shipped");
    await admin.goto(shop.url(`/admin/orders/${order.id}`));
    await admin.getByRole("heading", { name: `Order #${order.number}` }).waitFor();

    await admin.getByRole("button", { name: "Mark delivered" }).click();
    await admin.getByText("nothing more happens to it").waitFor();
    await admin.getByRole("list", { name: "Audit log" }).getByText(shop.admin.email).first().waitFor();
    await shop.screenshot(admin, "order");
    await shopperSees("Delivered");
    await shop.screenshot(storefront, "storefront-order-delivered");
    await storefront.context().close();

    const seen = await shopper.trpc.orders.byId.query({ id: order.id });
    expect(seen.status).toBe("delivered");
    expect(seen.statusHistory.map((entry) => entry.status)).toEqual(["placed", "processing", "shipped", "delivered"]);
  });

  it("a permanently failed job is retried from the Jobs page and runs", async () => {
    const shopper = await signedInClient(SHOPPER);
    const [order] = (await shopper.trpc.orders.list.query({})).items;
    // A confirmation email whose attempts ran out (an SMTP outage, say): the dead letter an admin sees.
    const jobId = await shop.withDatabase(async (db) => {
      const [job] = await db.execute<{ id: string }>(sql`
        select id from graphile_worker.add_job('send_order_confirmation', json_build_object('orderId', ${order!.id}::text),
          run_at => now() + interval '1 hour', max_attempts => 3)`);
      await db.run(sql`
        update graphile_worker._private_jobs
        set attempts = max_attempts, last_error = 'Error: connect ECONNREFUSED 127.0.0.1:2525'
        where id = ${job!.id}::bigint`);
      return job!.id;
    });

    await openSection("Jobs");
    await admin.getByRole("tab", { name: "Permanently failed" }).click();
    const deadLetter = admin.getByRole("table", { name: "Jobs" }).getByRole("row").filter({ hasText: "ECONNREFUSED" });
    await deadLetter.getByText("send_order_confirmation").waitFor();
    // It runs again only when retried: no run time is shown for it.
    await deadLetter.getByText("Only when retried").waitFor();
    await shop.screenshot(admin, "jobs");

    await admin.getByRole("button", { name: `Retry job ${jobId}` }).click();
    await admin.getByText(`Job ${jobId} is queued to run again.`).waitFor();
    // The worker runs it at once and, done, graphile-worker deletes it: no state lists it any more.
    await expect
      .poll(
        async () => {
          let listed = 0;
          for (const state of ["Pending", "Failing", "Permanently failed"]) {
            await admin.getByRole("tab", { name: state }).click();
            await admin.getByRole("table", { name: "Jobs" }).waitFor();
            listed += await admin.getByRole("button", { name: `Retry job ${jobId}` }).count();
            listed += await admin.getByRole("cell", { name: jobId, exact: true }).count();
          }
          return listed;
        },
        { timeout: 30_000 },
      )
      .toBe(0);

    await openSection("Mailbox");
    await admin
      .getByRole("list", { name: "Messages" })
      .getByRole("button", { name: /Your Shopwright order #\d+/ })
      .first()
      .click();
    // The order confirmation, rendered in a frame with no permissions at all.
    await admin.frameLocator("iframe").getByText("Thank you for your order").waitFor();
    expect(await admin.locator("iframe").getAttribute("sandbox")).toBe("");
    await shop.screenshot(admin, "mailbox");
  });

  it("on a phone (390 px) the admin opens sections from a menu, tables become cards, and an order's cards stack", async () => {
    const width = 390;
    const phone = await shop.newPage({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true });
    const pageWidth = () => phone.evaluate(() => document.documentElement.scrollWidth);
    await signIn(phone, shop.admin);
    const menu = phone.getByRole("button", { name: "Menu" });
    const sections = phone.getByRole("navigation", { name: "Sections" });
    await menu.waitFor();
    expect(await sections.isVisible()).toBe(false);
    await shop.screenshot(phone, "dashboard-phone");

    await menu.click();
    await shop.screenshot(phone, "menu-phone");
    await sections.getByRole("link", { name: "Orders" }).click();
    const orders = phone.getByRole("table", { name: "Orders" });
    await orders.getByRole("link").first().waitFor();
    // Choosing a section closes the menu; the page itself never scrolls sideways.
    expect(await sections.isVisible()).toBe(false);
    expect(await pageWidth()).toBeLessThanOrEqual(width);
    await shop.screenshot(phone, "orders-phone");

    // Every cell of a row within the screen, the status whole ("Processing", not "Proces…").
    const overflowing = await orders.locator("td").evaluateAll((cells) =>
      cells.flatMap((cell) => {
        const box = cell.getBoundingClientRect();
        const clipped = [...cell.querySelectorAll("span")].some((span) => span.scrollWidth > span.clientWidth + 1);
        return box.right > 390 || clipped ? [cell.textContent] : [];
      }),
    );
    expect(overflowing).toEqual([]);

    await orders.getByRole("link").first().click();
    await phone.getByRole("table", { name: "Items" }).waitFor();
    await shop.screenshot(phone, "order-phone");
    expect(await pageWidth()).toBeLessThanOrEqual(width);
    const cards = await phone
      .locator("main section")
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    expect(cards.length).toBeGreaterThan(2);
    for (const [i, a] of cards.entries()) {
      expect(a.right).toBeLessThanOrEqual(width);
      for (const b of cards.slice(i + 1)) {
        const apart = a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left;
        expect(apart, `cards ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
      }
    }

    // A dead letter's error and its Retry are on the screen, not past its right edge.
    await shop.withDatabase(async (db) => {
      const [job] = await db.execute<{ id: string }>(sql`
        select id from graphile_worker.add_job('prune_expired_records', '{}'::json,
          run_at => now() + interval '1 hour', max_attempts => 3)`);
      // A statement of its own: an update in the same statement as add_job would not see its row.
      await db.run(sql`
        update graphile_worker._private_jobs
        set attempts = max_attempts, last_error = 'Error: connect ECONNREFUSED 127.0.0.1:2525'
        where id = ${job!.id}::bigint`);
    });
    await phone.goto(shop.url("/admin/jobs?state=permanently_failed"));
    const retry = phone.getByRole("button", { name: /^Retry job/ }).first();
    await retry.waitFor();
    const lastError = phone
      .getByRole("table", { name: "Jobs" })
      .getByText(/ECONNREFUSED/)
      .first();
    for (const box of [await retry.boundingBox(), await lastError.boundingBox()]) {
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    await shop.screenshot(phone, "jobs-phone");

    // A message opened from the Mailbox's list comes into view, not a screen's length below the tap.
    await phone.goto(shop.url("/admin/mailbox"));
    const messages = phone.getByRole("list", { name: "Messages" }).getByRole("button");
    await messages.last().tap();
    const opened = phone.locator("iframe");
    await opened.waitFor();
    await expect
      .poll(async () => (await opened.boundingBox())!.y, { message: "the message's top is on the screen" })
      .toBeLessThan(844);
    expect((await opened.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await shop.screenshot(phone, "mailbox-phone");
    await phone.context().close();
  });

  it("every admin page passes axe, and on a phone fits the screen with targets a finger can hit, at 390 and 1280 px", async () => {
    const shopper = await signedInClient(SHOPPER);
    const [order] = (await shopper.trpc.orders.list.query({})).items;
    const customer = await shopper.trpc.auth.me.query();
    const signedOut = await shop.newPage();
    const loginProblems = await checkPages(
      shop,
      signedOut,
      [{ name: "login", path: "/admin/login", ready: (p) => p.getByRole("button", { name: "Sign in" }).waitFor() }],
      "axe",
    );
    await signedOut.context().close();

    const page = await shop.newPage();
    await signIn(page, shop.admin);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    const guest = createShopClient({ url: shop.url(""), tokenDelivery: "body" });
    const product = await guest.trpc.catalog.product.query({ slug: "speckled-stoneware-teapot" });
    const mail = await (await signedInClient(shop.admin)).trpc.admin.mailbox.list.query();
    const heading = (name: string) => (p: Page) => p.getByRole("heading", { level: 1, name, exact: true }).waitFor();
    // The dashboard's recent orders are named by number, as people quote them.
    await page
      .getByRole("table", { name: "Recent orders" })
      .getByRole("link", { name: `#${order!.number}`, exact: true })
      .waitFor();
    const problems = await checkPages(
      shop,
      page,
      [
        { name: "dashboard", path: "/admin/", ready: (p) => p.getByRole("table", { name: "Recent orders" }).waitFor() },
        {
          name: "products",
          path: "/admin/products",
          ready: (p) => p.getByRole("table", { name: "Products" }).waitFor(),
        },
        { name: "new-product", path: "/admin/products/new", ready: heading("New product") },
        { name: "product", path: `/admin/products/${product.id}`, ready: heading(PRODUCT) },
        {
          name: "categories",
          path: "/admin/categories",
          ready: (p) => p.getByRole("list", { name: "Category tree" }).waitFor(),
        },
        { name: "orders", path: "/admin/orders", ready: (p) => p.getByRole("table", { name: "Orders" }).waitFor() },
        { name: "order", path: `/admin/orders/${order!.id}`, ready: heading(`Order #${order!.number}`) },
        {
          name: "customers",
          path: "/admin/customers",
          ready: (p) => p.getByRole("table", { name: "Customers" }).waitFor(),
        },
        { name: "customer", path: `/admin/customers/${customer.id}`, ready: heading(customer.name) },
        {
          name: "shipping",
          path: "/admin/shipping",
          ready: (p) => p.getByRole("table", { name: "Shipping zones" }).getByText("United States").waitFor(),
        },
        {
          name: "taxes",
          path: "/admin/taxes",
          ready: (p) => p.getByRole("textbox", { name: "Rate (%)" }).first().waitFor(),
        },
        {
          name: "discounts",
          path: "/admin/discounts",
          ready: (p) => p.getByRole("table", { name: "Discount codes" }).getByText("SPRING10").waitFor(),
        },
        {
          name: "jobs",
          path: "/admin/jobs?state=permanently_failed",
          ready: (p) => p.getByRole("table", { name: "Jobs" }).waitFor(),
        },
        {
          name: "mailbox",
          path: `/admin/mailbox?id=${mail[0]!.id}`,
          ready: (p) => p.locator("iframe").waitFor(),
        },
        {
          name: "not-found",
          path: "/admin/no-such-page",
          ready: (p) => p.getByRole("heading", { level: 1 }).waitFor(),
        },
      ],
      "axe",
    );
    expect([...loginProblems, ...problems]).toEqual([]);
    await page.context().close();
  });
});

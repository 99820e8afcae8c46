/**
 * Places an order end to end, as a shopper would: search, add to the cart as a guest, sign in (the
 * guest cart is merged), check out, approve the simulated payment (`payments.simulate`: what a
 * tester's click on the provider's hosted page does; development and test shops only), and wait
 * until the provider's webhook has reached the shop and moved the order to `processing`.
 *
 *   pnpm exec tsx examples/place-order.ts --email ada@example.com --password 'correct horse' [--query lamp]
 *
 * The account is created on first use. Options: --url (SHOP_URL, default http://127.0.0.1:3000),
 * --name, --query, --quantity.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { createShopClient, isShopError, type ShopClient } from "@shopwright/client";
import { defaults, required, run } from "./cli.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: defaults.url },
    email: { type: "string", default: process.env.SHOP_EMAIL },
    password: { type: "string", default: process.env.SHOP_PASSWORD },
    name: { type: "string", default: "Example Shopper" },
    query: { type: "string", default: "" },
    quantity: { type: "string", default: "1" },
  },
});

const shippingAddress = {
  name: values.name,
  line1: "1 Example Street",
  city: "Springfield",
  region: "IL",
  postalCode: "12345",
  country: "US",
};
const PAYMENT_TIMEOUT_MS = 60_000;

run(async () => {
  const email = required(values.email, "--email");
  const password = required(values.password, "--password");
  const quantity = Number(values.quantity);
  const shop = createShopClient({ url: values.url });

  const found = await shop.trpc.catalog.search.query({ q: values.query || undefined, inStock: true, pageSize: 10 });
  const product = found.items.find((item) => item.stock >= quantity);
  if (!product) throw new Error(`Nothing in stock matches "${values.query}"`);
  // A product with options (sizes, colours) is bought as one of its variants: the first with stock.
  const { variants } = await shop.trpc.catalog.product.query({ slug: product.slug });
  const variant = variants.find((v) => v.stock >= quantity) ?? variants[0]!;
  const choice = Object.values(variant.options).join(" · ");
  console.log(
    `Found ${found.total} products; taking ${quantity} × ${product.name}${choice ? ` (${choice})` : ""} (${variant.sku})`,
  );

  await shop.trpc.cart.addItem.mutate({ variantId: variant.id, quantity });
  await signIn(shop, { email, password, name: values.name });
  const cart = await shop.trpc.cart.get.query();
  console.log(`Signed in as ${email}; cart holds ${cart.items.length} line(s), subtotal ${cents(cart.subtotalCents)}`);

  const order = await checkOut(shop);
  console.log(`Placed order #${order.number} (${order.id}) for ${cents(order.totalCents)}; approving its payment`);

  await shop.trpc.payments.simulate.mutate({ orderId: order.id, decision: "approve" });
  const deadline = Date.now() + PAYMENT_TIMEOUT_MS;
  for (;;) {
    const current = await shop.trpc.orders.byId.query({ id: order.id });
    if (current.status === "processing") break;
    if (current.payment?.status === "failed") throw new Error(`The payment for ${order.id} failed`);
    if (Date.now() > deadline) {
      throw new Error(`Order ${order.id} is still ${current.status} after 60 s: is the shop's job worker running?`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  console.log(`Order #${order.number} (${order.id}) is processing`);
});

/** Signs in, creating the account the first time this email is used. */
async function signIn(shop: ShopClient, account: { email: string; password: string; name: string }) {
  try {
    await shop.login(account);
  } catch (err) {
    if (!isShopError(err, "UNAUTHORIZED")) throw err;
    // The shop does not say whether the email or the password was wrong; registering tells them apart.
    await shop.register(account).catch((registerErr: unknown) => {
      if (isShopError(registerErr, "CONFLICT")) throw new Error(`Wrong password for ${account.email}`);
      throw registerErr;
    });
  }
}

/**
 * Checks out once. The order is placed even when the payment provider could not be reached (no
 * payment URL yet, and nothing to approve); the same request, with the same idempotency key, then
 * retries only that part.
 */
async function checkOut(shop: ShopClient) {
  const request = { idempotencyKey: randomUUID(), shippingAddress };
  for (let attempt = 1; ; attempt++) {
    const { order, paymentUrl } = await shop.trpc.orders.checkout.mutate(request);
    if (paymentUrl) return order;
    if (attempt === 3) throw new Error(`Order ${order.id} is placed but the payment provider cannot be reached`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function cents(amount: number) {
  return `$${(amount / 100).toFixed(2)}`;
}

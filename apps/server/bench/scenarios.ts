/**
 * The workloads, as sequences of tRPC calls over plain HTTP (what @trpc/client sends for one call:
 * queries as GET with `?input=`, mutations as POST, superjson's `{ json }` envelope). A connection
 * repeats its scenario's sequence; a sequence that checks out holds one customer from start to end,
 * so no two connections ever share a cart.
 */
import { randomUUID } from "node:crypto";

/** What the load generator knows about the seeded shop. */
export interface Fixture {
  slugs: string[];
  /** Slugs of products with options, whose pages list their variants. */
  variantSlugs: string[];
  /** Products with one variant given ample stock, for carts and checkouts by product id. */
  hotProductIds: string[];
  /** Variants of products with options given ample stock, chosen by id as a shopper's size is. */
  hotVariantIds: string[];
  categorySlugs: string[];
  /** The word found in the most products, and one found in a few percent of them. */
  commonWord: string;
  filterWord: string;
  accessTokens: string[];
}

export interface LoopContext {
  customer?: number;
}

export interface Call {
  /** The procedure, as results are reported. */
  name: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

type Step = (fixture: Fixture, context: LoopContext) => Call;

export interface Scenario {
  name: string;
  description: string;
  holdsCustomer: boolean;
  steps: Step[];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

function query(procedure: string, input: unknown, headers: Record<string, string> = {}): Call {
  return {
    name: procedure,
    method: "GET",
    path: `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
    headers,
  };
}

function mutation(procedure: string, input: unknown, accessToken: string): Call {
  return {
    name: procedure,
    method: "POST",
    path: `/trpc/${procedure}`,
    headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ json: input }),
  };
}

/** The loop's customer, or any signed-in shopper for a call that needs none of its own. */
function customerOf(fixture: Fixture, context: LoopContext) {
  return context.customer ?? between(0, fixture.accessTokens.length - 1);
}

const bearer = (fixture: Fixture, customer: number) => fixture.accessTokens[customer]!;

/**
 * One of five products (or variants) the customer favours: carts stay a realistic few lines long
 * however long the run, instead of growing with every request.
 */
function favourite(ids: readonly string[], customer: number) {
  return ids[(customer * 5 + between(0, 4)) % ids.length]!;
}

/** `cart.addItem` of one unit of one of the customer's favourites: a product by id, or a chosen variant. */
function addFavourite(key: "productId" | "variantId", ids: (fixture: Fixture) => string[]): Step {
  return (f, c) => {
    const customer = customerOf(f, c);
    return mutation("cart.addItem", { [key]: favourite(ids(f), customer), quantity: 1 }, bearer(f, customer));
  };
}

const shippingAddress = {
  name: "Bench Shopper",
  line1: "1 Load Street",
  city: "Loadtown",
  region: "NY",
  postalCode: "10101",
  country: "US",
};

const steps = {
  ceiling: () => query("bench.ceiling", undefined),
  searchAll: () => query("catalog.search", { page: between(1, 20), pageSize: 24 }),
  searchWord: (f) => query("catalog.search", { q: f.commonWord, page: between(1, 3), pageSize: 24 }),
  searchFiltered: (f) =>
    query("catalog.search", {
      q: f.filterWord,
      categorySlug: pick(f.categorySlugs),
      minPriceCents: 500,
      maxPriceCents: 50_000,
      inStock: true,
      sort: "price_asc",
      pageSize: 24,
    }),
  browse: (f) =>
    query("catalog.search", {
      categorySlug: pick(f.categorySlugs),
      sort: pick(["newest", "price_asc", "price_desc"]),
      page: between(1, 3),
      pageSize: 24,
    }),
  product: (f) => query("catalog.product", { slug: pick(f.slugs) }),
  productWithVariants: (f) => query("catalog.product", { slug: pick(f.variantSlugs) }),
  cartGet: (f, c) => query("cart.get", undefined, { authorization: `Bearer ${bearer(f, customerOf(f, c))}` }),
  addItem: addFavourite("productId", (f) => f.hotProductIds),
  addVariant: addFavourite("variantId", (f) => f.hotVariantIds),
  checkout: (f, c) =>
    mutation("orders.checkout", { idempotencyKey: randomUUID(), shippingAddress }, bearer(f, customerOf(f, c))),
  // The seed's SPRING10 (10 % off, no limit): checkout then prices the code and uses it once.
  applyCode: (f, c) => mutation("cart.applyDiscountCode", { code: "SPRING10" }, bearer(f, customerOf(f, c))),
} satisfies Record<string, Step>;

export const scenarios: Scenario[] = [
  {
    name: "ceiling",
    description: "bench.ceiling: a fixed page the size of a search page, no database (the stack's own cost)",
    holdsCustomer: false,
    steps: [steps.ceiling],
  },
  {
    name: "search-all",
    description: "catalog.search without text, pages 1–20 of 24",
    holdsCustomer: false,
    steps: [steps.searchAll],
  },
  {
    name: "search-word",
    description: "catalog.search for the catalog's most common word, pages 1–3",
    holdsCustomer: false,
    steps: [steps.searchWord],
  },
  {
    name: "search-filtered",
    description: "catalog.search with a word, a category, a price range, in stock, by price",
    holdsCustomer: false,
    steps: [steps.searchFiltered],
  },
  { name: "product", description: "catalog.product by a random slug", holdsCustomer: false, steps: [steps.product] },
  {
    name: "product-variants",
    description: "catalog.product of a random product with options (2–36 variants: sizes, colours, finishes)",
    holdsCustomer: false,
    steps: [steps.productWithVariants],
  },
  {
    name: "cart-add",
    description: "cart.addItem (one unit) of a product with one variant, by productId, as a signed-in customer",
    holdsCustomer: false,
    steps: [steps.addItem],
  },
  {
    name: "cart-add-variant",
    description: "cart.addItem (one unit) of a chosen variant (a size and colour), by variantId",
    holdsCustomer: false,
    steps: [steps.addVariant],
  },
  {
    name: "checkout",
    description: "cart.addItem then orders.checkout with a fresh idempotency key, per customer",
    holdsCustomer: true,
    steps: [steps.addItem, steps.checkout],
  },
  {
    name: "checkout-code",
    description: "as checkout, with SPRING10 applied to the cart first: the code priced and used once",
    holdsCustomer: true,
    steps: [steps.addItem, steps.applyCode, steps.checkout],
  },
  {
    name: "mixed",
    description:
      "a shopper's session of 20 calls: 5 browse, 3 search, 7 product, 1 cart.get, 3 cart.addItem (one a chosen size), 1 orders.checkout",
    holdsCustomer: true,
    steps: [
      steps.browse,
      steps.product,
      steps.searchWord,
      steps.product,
      steps.browse,
      steps.product,
      steps.addItem,
      steps.browse,
      steps.searchFiltered,
      steps.product,
      steps.product,
      steps.addVariant,
      steps.browse,
      steps.searchWord,
      steps.product,
      steps.browse,
      steps.product,
      steps.addItem,
      steps.cartGet,
      steps.checkout,
    ],
  },
];

/** The public catalog reads the response cache serves: measured with it off (cold) and on (warm). */
export const CATALOG_SCENARIOS = ["search-all", "search-word", "search-filtered", "product", "product-variants"];

export function scenarioNamed(name: string): Scenario {
  const scenario = scenarios.find((s) => s.name === name);
  if (!scenario) throw new Error(`No scenario "${name}"; there are ${scenarios.map((s) => s.name).join(", ")}`);
  return scenario;
}

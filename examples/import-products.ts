/**
 * Imports products from a CSV file as an admin, through the typed client. Every row is checked
 * first and the bad ones are reported with their line numbers; only a clean file is imported, in
 * batches (each batch is one HTTP request: the client batches the calls). A rerun changes nothing:
 * a product is found by its slug and each of its variants by its SKU, so what is already as the
 * file says is left alone, and a changed row updates its variant in place (same id, orders and
 * carts keep pointing at it).
 *
 *   ADMIN_PASSWORD=... pnpm exec tsx examples/import-products.ts --file examples/fixtures/products.csv
 *
 * Columns (header row required, any order): slug, name, description, price (e.g. 12.50), stock,
 * category (a category slug), status (active | archived; optional, default active), and for
 * products sold in sizes, colours or finishes, sku and options ("Size: M; Colour: Sand"), one row
 * per variant. A product's rows share its slug; its later rows may leave name, description,
 * category and status empty. The file lists all of a product's variants: one the shop has and the
 * file does not is removed (archived if ordered). A row without options is a simple product, its
 * SKU the slug unless given.
 * Options: --url, --email (ADMIN_EMAIL), --password (ADMIN_PASSWORD), --batch-size (50), --dry-run.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createShopClient, describeError, type RouterOutputs, type ShopClient } from "@shopwright/client";
import { defaults, required, run } from "./cli.ts";
import { type CsvRecord, parseCsv } from "./csv.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: defaults.url },
    email: { type: "string", default: defaults.adminEmail },
    password: { type: "string", default: defaults.adminPassword },
    file: { type: "string" },
    "batch-size": { type: "string", default: "50" },
    "dry-run": { type: "boolean", default: false },
  },
});

const COLUMNS = ["slug", "name", "description", "price", "stock", "category", "status", "sku", "options"] as const;
const REQUIRED = ["slug", "name", "description", "price", "stock", "category"] as const;
/** What a later row of a product may leave empty: the product's own fields, given on its first row. */
const PRODUCT_FIELDS = ["name", "description", "category", "status"] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/;
const PRICE = /^\d{1,7}(?:\.\d{1,2})?$/;
const MAX_PRICE_CENTS = 100_000_000;

type Options = Record<string, string>;

interface VariantRow {
  line: number;
  sku: string;
  options: Options;
  priceCents: number;
  stock: number;
}

/** One product of the file: its own fields from its first row, and a variant per row. */
interface ProductGroup {
  line: number;
  slug: string;
  name: string;
  description: string;
  categoryId: string;
  status: "active" | "archived";
  /** Empty for a simple product (one row without options). */
  options: { name: string; values: string[] }[];
  variants: VariantRow[];
}

type Category = RouterOutputs["catalog"]["categories"][number];
type Outcome = "created" | "updated" | "unchanged";

run(async () => {
  const file = required(values.file, "--file");
  const batchSize = Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("--batch-size must be a positive integer");
  const shop = createShopClient({ url: values.url });
  await shop.login({ email: values.email, password: required(values.password, "--password or ADMIN_PASSWORD") });

  const categories = new Map(flatten(await shop.trpc.catalog.categories.query()).map((c) => [c.slug, c.id]));
  const { products, rows, errors } = validate(parseCsv(readFileSync(file, "utf8")), categories);
  if (errors.length > 0) {
    console.error(`${file}: ${errors.length} bad row(s), nothing imported`);
    for (const error of errors) console.error(`  ${error}`);
    process.exitCode = 1;
    return;
  }
  console.log(`${file}: ${rows} valid row(s), ${products.length} product(s)`);
  if (values["dry-run"]) return;

  const existing = await existingProducts(shop);
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (let start = 0; start < products.length; start += batchSize) {
    const batch = products.slice(start, start + batchSize);
    const results = await Promise.allSettled(batch.map((product) => save(shop, product, existing.get(product.slug))));
    results.forEach((result, index) => {
      if (result.status === "fulfilled") counts[result.value] += 1;
      else {
        counts.failed += 1;
        console.error(`  line ${batch[index]?.line}: ${describeError(result.reason)}`);
      }
    });
    console.log(`  imported products ${start + 1}–${start + batch.length}`);
  }
  console.log(
    `Created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}`,
  );
  if (counts.failed > 0) process.exitCode = 1;
});

function validate(records: CsvRecord[], categories: Map<string, string>) {
  const [header, ...data] = records;
  if (!header) return { products: [], rows: 0, errors: ["line 1: the file is empty"] };
  const index = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0) {
    return { products: [], rows: 0, errors: [`line ${header.line}: missing column(s) ${missing.join(", ")}`] };
  }

  const products = new Map<string, ProductGroup>();
  /** Each product's first row's own fields, which its later rows repeat or leave empty. */
  const firstRows = new Map<string, Record<string, string>>();
  const skus = new Map<string, number>();
  const errors: string[] = [];
  for (const { line, fields } of data) {
    if (fields.length !== header.fields.length) {
      errors.push(`line ${line}: expected ${header.fields.length} fields, found ${fields.length}`);
      continue;
    }
    const cell = (column: (typeof COLUMNS)[number]) => fields[index.get(column) ?? -1]?.trim() ?? "";
    const problems: string[] = [];
    const slug = cell("slug");
    const product = SLUG.test(slug) ? products.get(slug) : undefined;
    const options = parseOptions(cell("options"));
    if (typeof options === "string") problems.push(options);
    const varied = typeof options !== "string" && Object.keys(options).length > 0;

    if (!SLUG.test(slug)) problems.push(`slug "${slug}" must be lowercase words joined by hyphens`);
    else if (product && (!varied || product.options.length === 0)) {
      // Only products with options have several rows; a simple product's second row is a mistake.
      problems.push(`slug "${slug}" repeats line ${product.line}`);
    }
    const own = Object.fromEntries(PRODUCT_FIELDS.map((column) => [column, cell(column)]));
    const first = firstRows.get(slug);
    if (product && first) {
      for (const column of PRODUCT_FIELDS) {
        if (own[column] !== "" && own[column] !== first[column])
          problems.push(`${column} differs from line ${product.line}`);
      }
    } else {
      if (!own.name || own.name.length > 200) problems.push("name must be 1 to 200 characters");
      if (own.description!.length > 10_000) problems.push("description must be at most 10,000 characters");
      if (!categories.has(own.category!)) problems.push(`category "${own.category}" does not exist`);
      const status = own.status || "active";
      if (status !== "active" && status !== "archived") problems.push(`status "${status}" must be active or archived`);
    }
    const price = cell("price");
    const priceCents = PRICE.test(price) ? toCents(price) : Number.NaN;
    if (!(priceCents > 0 && priceCents <= MAX_PRICE_CENTS))
      problems.push(`price "${price}" must be an amount like 12.50, more than 0 and at most 1000000.00`);
    const stock = cell("stock");
    if (!/^\d{1,7}$/.test(stock) || Number(stock) > 1_000_000) {
      problems.push(`stock "${stock}" must be a whole number up to 1000000`);
    }
    const sku = cell("sku") || (varied ? "" : slug);
    if (SKU.test(sku)) {
      if (skus.has(sku)) problems.push(`sku "${sku}" repeats line ${skus.get(sku)}`);
      else skus.set(sku, line);
    } else if (varied) problems.push(`sku "${sku}" is needed for a row with options: letters, digits, dots, dashes`);
    // Without a SKU of its own, a simple product's is its slug: a bad one is reported once, as a slug.
    else if (cell("sku") !== "") problems.push(`sku "${sku}" must be letters, digits, dots, dashes`);
    if (varied && product && typeof options !== "string") {
      const names = product.options.map((o) => o.name);
      if (Object.keys(options).join("\n") !== names.join("\n")) {
        problems.push(`options must name ${names.join(", ")} in that order, as line ${product.line} does`);
      } else if (product.variants.some((v) => JSON.stringify(v.options) === JSON.stringify(options))) {
        problems.push(`options "${cell("options")}" repeat another row of ${slug}`);
      }
    }

    if (problems.length > 0 || typeof options === "string") {
      errors.push(`line ${line}: ${problems.join("; ")}`);
      continue;
    }
    const variant = { line, sku, options, priceCents, stock: Number(stock) };
    if (product) {
      product.variants.push(variant);
      for (const option of product.options) {
        if (!option.values.includes(options[option.name]!)) option.values.push(options[option.name]!);
      }
      continue;
    }
    firstRows.set(slug, { ...own, status: own.status || "active" });
    products.set(slug, {
      line,
      slug,
      name: own.name!,
      description: own.description!,
      categoryId: categories.get(own.category!)!,
      status: (own.status || "active") as ProductGroup["status"],
      options: Object.entries(options).map(([name, value]) => ({ name, values: [value] })),
      variants: [variant],
    });
  }
  return { products: [...products.values()], rows: data.length, errors };
}

/** "Size: M; Colour: Sand" → { Size: "M", Colour: "Sand" }; a sentence saying what is wrong otherwise. */
function parseOptions(text: string): Options | string {
  if (text === "") return {};
  const options: Options = {};
  for (const part of text.split(";")) {
    const [name, value, ...more] = part.split(":").map((s) => s.trim());
    if (!name || !value || more.length > 0) return `options "${text}" must read like "Size: M; Colour: Sand"`;
    if (name in options) return `options "${text}" name ${name} twice`;
    options[name] = value;
  }
  return options;
}

/** The id of every product the shop has, by slug, read page by page. */
async function existingProducts(shop: ShopClient) {
  const bySlug = new Map<string, string>();
  for (let page = 1; ; page++) {
    const { items, total } = await shop.trpc.admin.products.list.query({ page, pageSize: 100 });
    for (const product of items) bySlug.set(product.slug, product.id);
    if (items.length === 0 || bySlug.size >= total) return bySlug;
  }
}

async function save(shop: ShopClient, product: ProductGroup, id: string | undefined): Promise<Outcome> {
  const { slug, name, description, categoryId, status, options } = product;
  const own = { slug, name, description, categoryId, status };
  const only = product.variants[0]!;
  // A simple product whose SKU is its slug is written with the old fields: price and stock.
  const simple = options.length === 0 && product.variants.length === 1 && only.sku === slug;
  if (!id) {
    await shop.trpc.admin.products.create.mutate(
      simple
        ? { ...own, priceCents: only.priceCents, stock: only.stock }
        : { ...own, options, variants: product.variants.map(({ line: _, ...v }) => v) },
    );
    return "created";
  }
  const current = await shop.trpc.admin.products.byId.query({ id });
  // Each row's variant is the one the shop has with its SKU: changed in place, never made anew.
  const bySku = new Map(current.variants.map((v) => [v.sku, v]));
  const variants = product.variants.map(({ line: _, ...v }) => ({ id: bySku.get(v.sku)?.id, ...v }));
  const sameOwn = (Object.keys(own) as (keyof typeof own)[]).every((key) => current[key] === own[key]);
  const sameVariants =
    JSON.stringify(current.options) === JSON.stringify(options) &&
    current.variants.filter((v) => v.status === "active").length === variants.length &&
    variants.every((v) => {
      const had = bySku.get(v.sku);
      return (
        had?.status === "active" &&
        had.priceCents === v.priceCents &&
        had.stock === v.stock &&
        JSON.stringify(had.options) === JSON.stringify(v.options)
      );
    });
  if (sameOwn && sameVariants) return "unchanged";
  await shop.trpc.admin.products.update.mutate(
    sameVariants
      ? { id, ...own }
      : { id, ...own, options, variants: variants.map((v) => ({ ...v, status: "active" })) },
  );
  return "updated";
}

function toCents(price: string) {
  const [whole = "0", fraction = ""] = price.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

function flatten(tree: Category[]): Category[] {
  return tree.flatMap((category) => [category, ...flatten(category.children as Category[])]);
}

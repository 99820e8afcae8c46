/**
 * Imports products from a CSV file as an admin. Every row is checked first and the bad ones are
 * reported with their line numbers; only a clean file is imported, in batches (each batch is one
 * HTTP request: the client batches the calls). Slugs make it idempotent: a product whose slug
 * exists is updated if it changed and left alone if not, so a rerun imports nothing twice.
 *
 *   ADMIN_PASSWORD=... pnpm exec tsx examples/import-products.ts --file examples/fixtures/products.csv
 *
 * Columns (header row required, any order): slug, name, description, price (e.g. 12.50), stock,
 * category (a category slug), status (active | archived; optional, default active).
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

const COLUMNS = ["slug", "name", "description", "price", "stock", "category", "status"] as const;
const REQUIRED = COLUMNS.filter((column) => column !== "status");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PRICE = /^\d{1,7}(?:\.\d{1,2})?$/;
const MAX_PRICE_CENTS = 100_000_000;

interface ProductRow {
  line: number;
  slug: string;
  name: string;
  description: string;
  priceCents: number;
  stock: number;
  categoryId: string;
  status: "active" | "archived";
}

type Category = RouterOutputs["catalog"]["categories"][number];

run(async () => {
  const file = required(values.file, "--file");
  const batchSize = Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("--batch-size must be a positive integer");
  const shop = createShopClient({ url: values.url });
  await shop.login({ email: values.email, password: required(values.password, "--password or ADMIN_PASSWORD") });

  const categories = new Map(flatten(await shop.trpc.catalog.categories.query()).map((c) => [c.slug, c.id]));
  const { rows, errors } = validate(parseCsv(readFileSync(file, "utf8")), categories);
  if (errors.length > 0) {
    console.error(`${file}: ${errors.length} bad row(s), nothing imported`);
    for (const error of errors) console.error(`  ${error}`);
    process.exitCode = 1;
    return;
  }
  console.log(`${file}: ${rows.length} valid row(s)`);
  if (values["dry-run"]) return;

  const existing = await existingProducts(shop);
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const results = await Promise.allSettled(batch.map((row) => save(shop, row, existing.get(row.slug))));
    results.forEach((result, index) => {
      if (result.status === "fulfilled") counts[result.value] += 1;
      else {
        counts.failed += 1;
        console.error(`  line ${batch[index]?.line}: ${describeError(result.reason)}`);
      }
    });
    console.log(`  imported rows ${start + 1}–${start + batch.length}`);
  }
  console.log(
    `Created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, failed ${counts.failed}`,
  );
  if (counts.failed > 0) process.exitCode = 1;
});

function validate(records: CsvRecord[], categories: Map<string, string>) {
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: ["line 1: the file is empty"] };
  const index = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = REQUIRED.filter((column) => !index.has(column));
  if (missing.length > 0) return { rows: [], errors: [`line ${header.line}: missing column(s) ${missing.join(", ")}`] };

  const rows: ProductRow[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of data) {
    if (fields.length !== header.fields.length) {
      errors.push(`line ${line}: expected ${header.fields.length} fields, found ${fields.length}`);
      continue;
    }
    const cell = (column: (typeof COLUMNS)[number]) => fields[index.get(column) ?? -1]?.trim() ?? "";
    const problems: string[] = [];
    const slug = cell("slug");
    const description = cell("description");
    const name = cell("name");
    const price = cell("price");
    const stock = cell("stock");
    const categoryId = categories.get(cell("category"));
    const status = cell("status") || "active";

    if (!SLUG.test(slug)) problems.push(`slug "${slug}" must be lowercase words joined by hyphens`);
    else if (seen.has(slug)) problems.push(`slug "${slug}" repeats line ${seen.get(slug)}`);
    if (!name || name.length > 200) problems.push("name must be 1 to 200 characters");
    if (description.length > 10_000) problems.push("description must be at most 10,000 characters");
    const priceCents = PRICE.test(price) ? toCents(price) : Number.NaN;
    if (!(priceCents <= MAX_PRICE_CENTS))
      problems.push(`price "${price}" must be an amount like 12.50, at most 1000000.00`);
    if (!/^\d{1,7}$/.test(stock) || Number(stock) > 1_000_000) {
      problems.push(`stock "${stock}" must be a whole number up to 1000000`);
    }
    if (!categoryId) problems.push(`category "${cell("category")}" does not exist`);
    if (status !== "active" && status !== "archived") problems.push(`status "${status}" must be active or archived`);

    if (SLUG.test(slug) && !seen.has(slug)) seen.set(slug, line);
    if (problems.length > 0 || !categoryId) {
      errors.push(`line ${line}: ${problems.join("; ")}`);
      continue;
    }
    rows.push({
      line,
      slug,
      name,
      description,
      priceCents,
      stock: Number(stock),
      categoryId,
      status: status as ProductRow["status"],
    });
  }
  return { rows, errors };
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

async function save(shop: ShopClient, row: ProductRow, id: string | undefined) {
  const { line: _line, ...fields } = row;
  if (!id) {
    await shop.trpc.admin.products.create.mutate(fields);
    return "created";
  }
  const current = await shop.trpc.admin.products.byId.query({ id });
  if ((Object.keys(fields) as (keyof typeof fields)[]).every((key) => current[key] === fields[key])) return "unchanged";
  await shop.trpc.admin.products.update.mutate({ id, ...fields });
  return "updated";
}

function toCents(price: string) {
  const [whole = "0", fraction = ""] = price.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

function flatten(tree: Category[]): Category[] {
  return tree.flatMap((category) => [category, ...flatten(category.children as Category[])]);
}

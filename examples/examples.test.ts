/**
 * The examples, run as a developer runs them (a separate `tsx` process each) against a real shop
 * started for this file on a fresh database.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createShopClient } from "@shopwright/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Shop, startShop } from "../apps/server/test/e2e/harness.ts";

const repoRoot = fileURLToPath(new URL("../", import.meta.url));

let shop: Shop;
let workDir: string;

beforeAll(async () => {
  shop = await startShop({ screenshots: "examples", env: { RATE_LIMITS: "off" } });
  workDir = mkdtempSync(join(tmpdir(), "shopwright-examples-"));
});

afterAll(async () => {
  await shop?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

function example(name: string, args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      join(repoRoot, "node_modules/.bin/tsx"),
      [`examples/${name}.ts`, ...args],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          ADMIN_EMAIL: shop.admin.email,
          ADMIN_PASSWORD: shop.admin.password,
          SHOP_URL: shop.url("").replace(/\/$/, ""),
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function adminClient() {
  const client = createShopClient({ url: shop.url("").replace(/\/$/, "") });
  await client.login(shop.admin);
  return client;
}

describe("examples", () => {
  let orderId: string | undefined;

  it("place-order: searches, checks out, approves the simulated payment and sees the order processing", async () => {
    const result = await example("place-order", ["--email", "shopper@example.test", "--password", "shopper password"]);
    expect(result.stderr).toBe("");
    orderId = /Order #\d+ \((\S+)\) is processing/.exec(result.stdout)?.[1];
    expect(orderId, result.stdout).toBeDefined();
  });

  it("place-order: a wrong password for an existing account says so, in one line", async () => {
    const result = await example("place-order", ["--email", "shopper@example.test", "--password", "not the password"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("Wrong password for shopper@example.test\n");
  });

  it("import-products: reports every bad row by line and imports nothing, then imports idempotently", async () => {
    const client = await adminClient();
    const [category] = await client.trpc.catalog.categories.query();
    if (!category) throw new Error("the seeded shop has no categories");
    const header = "slug,name,description,price,stock,category";
    const bad = join(workDir, "bad.csv");
    writeFileSync(
      bad,
      [
        header,
        `example-kettle,Kettle,"Boils water, fast",29.90,5,${category.slug}`,
        `example-teapot,Teapot,Round,12.5.0,3,${category.slug}`,
        "example-cup,Cup,Small,4.00,2,no-such-category",
        `example-kettle,Kettle again,Twice,1.00,1,${category.slug}`,
        `Example Mug,Mug,Big,5.00,-1,${category.slug}`,
      ].join("\n"),
    );
    const rejected = await example("import-products", ["--file", bad]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain("4 bad row(s), nothing imported");
    expect(rejected.stderr).toMatch(/line 3: price "12\.5\.0"/);
    expect(rejected.stderr).toMatch(/line 4: category "no-such-category" does not exist/);
    expect(rejected.stderr).toMatch(/line 5: slug "example-kettle" repeats line 2/);
    expect(rejected.stderr).toMatch(/line 6: slug "Example Mug" .*; stock "-1"/);
    await expect(client.trpc.catalog.product.query({ slug: "example-kettle" })).rejects.toThrow();

    const good = join(workDir, "good.csv");
    const rows = [
      `example-kettle,Kettle,"Boils water, fast",29.90,5,${category.slug}`,
      `example-teapot,Teapot,Round,12.50,3,${category.slug}`,
      `example-cup,Cup,"Small ""espresso"" cup",4.00,2,${category.slug}`,
    ];
    writeFileSync(good, [header, ...rows].join("\n"));
    const first = await example("import-products", ["--file", good, "--batch-size", "2"]);
    expect(first.stdout, first.stderr).toContain("Created 3, updated 0, unchanged 0, failed 0");
    const again = await example("import-products", ["--file", good]);
    expect(again.stdout, again.stderr).toContain("Created 0, updated 0, unchanged 3, failed 0");

    writeFileSync(good, [header, ...rows.slice(0, 2), rows[2]!.replace("4.00", "4.50")].join("\n"));
    const changed = await example("import-products", ["--file", good]);
    expect(changed.stdout, changed.stderr).toContain("Created 0, updated 1, unchanged 2, failed 0");
    const cup = await client.trpc.catalog.product.query({ slug: "example-cup" });
    expect(cup).toMatchObject({ name: "Cup", description: 'Small "espresso" cup', priceCents: 450, stock: 2 });
  });

  it("import-products: imports a shirt's sizes and colours by SKU, and a second run changes nothing", async () => {
    const client = await adminClient();
    const header = "slug,name,description,category,sku,options,price,stock";
    const file = join(workDir, "shirts.csv");
    const rows = [
      "example-overshirt,Example Overshirt,Heavy cotton twill,shirts,EX-OS-M-SAND,Size: M; Colour: Sand,45.00,5",
      "example-overshirt,,,,EX-OS-L-SAND,Size: L; Colour: Sand,45.00,3",
      "example-overshirt,,,,EX-OS-M-BLACK,Size: M; Colour: Black,48.00,2",
    ];
    const bad = join(workDir, "bad-shirts.csv");
    writeFileSync(
      bad,
      [
        header,
        ...rows,
        "example-overshirt,,,,EX-OS-M-SAND,Size: S; Colour: Sand,45.00,1",
        "example-overshirt,,,,EX-OS-XL,Size XL,45.00,1",
        "example-overshirt,,,,EX-OS-S-RED,Colour: Red; Size: S,45.00,1",
      ].join("\n"),
    );
    const rejected = await example("import-products", ["--file", bad]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain("3 bad row(s), nothing imported");
    expect(rejected.stderr).toMatch(/line 5: sku "EX-OS-M-SAND" repeats line 2/);
    expect(rejected.stderr).toMatch(/line 6: options "Size XL" must read like "Size: M; Colour: Sand"/);
    expect(rejected.stderr).toMatch(/line 7: options must name Size, Colour in that order, as line 2 does/);

    writeFileSync(file, [header, ...rows].join("\n"));
    const first = await example("import-products", ["--file", file]);
    expect(first.stdout, first.stderr).toContain("Created 1, updated 0, unchanged 0, failed 0");
    const { id } = await client.trpc.catalog.product.query({ slug: "example-overshirt" });
    const imported = await client.trpc.admin.products.byId.query({ id });
    expect(imported.options).toEqual([
      { name: "Size", values: ["M", "L"] },
      { name: "Colour", values: ["Sand", "Black"] },
    ]);
    const variantsOf = (p: typeof imported) => p.variants.map((v) => [v.id, v.sku, v.options, v.priceCents, v.stock]);
    expect(variantsOf(imported)).toEqual([
      [expect.any(String), "EX-OS-M-SAND", { Size: "M", Colour: "Sand" }, 4_500, 5],
      [expect.any(String), "EX-OS-L-SAND", { Size: "L", Colour: "Sand" }, 4_500, 3],
      [expect.any(String), "EX-OS-M-BLACK", { Size: "M", Colour: "Black" }, 4_800, 2],
    ]);

    const again = await example("import-products", ["--file", file]);
    expect(again.stdout, again.stderr).toContain("Created 0, updated 0, unchanged 1, failed 0");
    const untouched = await client.trpc.admin.products.byId.query({ id });
    expect(variantsOf(untouched)).toEqual(variantsOf(imported));
    expect(untouched.updatedAt).toEqual(imported.updatedAt);

    // A changed price updates that SKU's variant in place: the same ids, one price different.
    writeFileSync(file, [header, ...rows.slice(0, 2), rows[2]!.replace("48.00", "46.00")].join("\n"));
    const changed = await example("import-products", ["--file", file]);
    expect(changed.stdout, changed.stderr).toContain("Created 0, updated 1, unchanged 0, failed 0");
    const repriced = await client.trpc.admin.products.byId.query({ id });
    expect(variantsOf(repriced)).toEqual(
      variantsOf(imported).map((v) => (v[1] === "EX-OS-M-BLACK" ? [v[0], v[1], v[2], 4_600, v[4]] : v)),
    );
  });

  it("export-orders: writes the orders of a date range as CSV", async () => {
    const out = join(workDir, "orders.csv");
    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const result = await example("export-orders", ["--from", today, "--to", tomorrow, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\r\n");
    expect(lines[0]).toBe("order_number,order_id,placed_at,status,payment_status,customer_email,total");
    expect(lines.find((line) => line.includes(`,${orderId},`))).toMatch(
      /^\d+,ord_\w+,.*,processing,succeeded,shopper@example\.test,/,
    );

    const empty = await example("export-orders", ["--from", "2000-01-01", "--to", "2000-02-01", "--out", out]);
    expect(empty.stderr).toContain("Exported 0 order(s)");
  });
});

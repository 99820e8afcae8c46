import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSmtpMailer, createTaskHandlers } from "@shopwright/api/server";
import { createCategory, createSignedInUser, imageForm, photo, testConfig } from "@shopwright/api/testing";
import { startS3Server, type TestS3Server } from "@shopwright/api/testing/s3";
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { createTestDb } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, trpcCall } from "./harness.ts";

type App = Awaited<ReturnType<typeof createTestApp>>["app"];
type Uploaded = { id: string; url: string; srcset: string };

async function upload(app: App, token: string, productId: string, bytes: Uint8Array) {
  const res = await app.request("/trpc/admin.products.uploadImage", {
    method: "POST",
    body: imageForm(productId, bytes),
    ...bearer(token),
  });
  const body = (await res.json()) as { result?: { data: { json: Uploaded } }; error?: unknown };
  return { status: res.status, image: body.result?.data.json, error: body.error };
}

/** Two shops on one database and one bucket, each with a media folder of its own (left empty). */
describe("two servers sharing one bucket and one database", () => {
  let db: Db;
  let s3: TestS3Server;
  let shops: App[];
  let token: string;
  let productId: string;
  beforeAll(async () => {
    db = await createTestDb();
    s3 = await startS3Server();
    shops = await Promise.all(
      ["a", "b"].map(async (name) => {
        const config = { mediaDir: mkdtempSync(join(tmpdir(), `shop-${name}-`)), s3: s3.config };
        return (await createTestApp({ db, config })).app;
      }),
    );
    const admin = await createSignedInUser(db, { role: "admin" });
    token = admin.accessToken;
    const categoryId = (await createCategory(db, { name: "Shared" })).id;
    productId = (
      await admin.caller.admin.products.create({ name: "Shared", description: "", priceCents: 1, stock: 1, categoryId })
    ).id;
  });
  afterAll(async () => {
    await db.close();
    await s3.stop();
  });

  it("serves each other's uploads: scaled at first, then the variants a worker made", async () => {
    const [a, b] = shops as [App, App];
    const fromA = await upload(a, token, productId, await photo({ width: 240, height: 180 }));
    const fromB = await upload(b, token, productId, await photo({ width: 180, height: 240, format: "png" }));
    expect([fromA.status, fromB.status]).toEqual([200, 200]);

    for (const [server, image] of [
      [b, fromA.image!],
      [a, fromB.image!],
    ] as const) {
      const scaled = await server.request(image.url);
      expect(scaled.status).toBe(200);
      expect(scaled.headers.get("content-type")).toBe("image/webp");
    }
    const original = fromA.image!.url.split("?")[0]!;
    expect((await b.request(original)).status).toBe(404);

    // A worker with the bucket but no shared folder makes both images' variants.
    const worker = createTaskHandlers({
      db,
      config: { ...testConfig, mediaDir: "/nonexistent", s3: s3.config },
      mailer: createSmtpMailer("smtp://127.0.0.1:9"),
    });
    const helpers = { logger: { info() {} } } as never;
    for (const image of [fromA.image!, fromB.image!]) await worker.make_image_variants!({ imageId: image.id }, helpers);

    const { data } = await trpcCall<{ images: { url: string; sources: { srcset: string }[] }[] }>(
      a,
      "admin.products.byId",
      { id: productId },
      { method: "GET", ...bearer(token) },
    );
    const [variantOfA, variantOfB] = data!.images.map((image) => image.sources[0]!.srcset.split(" ")[0]!);
    for (const [server, url] of [
      [b, variantOfA!],
      [a, variantOfB!],
    ] as const) {
      const res = await server.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/avif");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    }
  });
});

describe("an original asked for at a width, before its variants exist", () => {
  it("is scaled once per width the shop uses, stored, and served from then on without the original", async () => {
    const mediaDir = mkdtempSync(join(tmpdir(), "shop-scaled-"));
    const t = await createTestApp({ config: { mediaDir } });
    try {
      const admin = await createSignedInUser(t.db, { role: "admin" });
      const categoryId = (await createCategory(t.db, { name: "Scaled" })).id;
      const product = await admin.caller.admin.products.create({
        name: "Scaled",
        description: "",
        priceCents: 1,
        stock: 1,
        categoryId,
      });
      const { image } = await upload(t.app, admin.accessToken, product.id, await photo({ width: 900, height: 600 }));
      expect(image!.url).toMatch(/\?w=800$/);
      const fetchBytes = async (url: string) => {
        const res = await t.app.request(url);
        return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
      };
      const first = await Promise.all(Array.from({ length: 6 }, () => fetchBytes(image!.url)));
      expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(new Set(first.map((r) => r.bytes.toString("base64"))).size).toBe(1);

      const { productImages } = catalogTables(t.db);
      const [row] = await t.db.orm.select().from(productImages).where(eq(productImages.id, image!.id));
      expect(existsSync(join(mediaDir, `variants/${row!.id}.${row!.contentHash}/800.webp`))).toBe(true);
      // The original is not read again: what it has become no longer matters to that width.
      writeFileSync(join(mediaDir, row!.key), "not an image any more");
      const again = await fetchBytes(image!.url);
      expect(again.status).toBe(200);
      expect(again.bytes.equals(first[0]!.bytes)).toBe(true);
      // Only the widths the shop's pages use, and never the original itself.
      for (const url of [`/media/${row!.key}?w=801`, `/media/${row!.key}?w=1600`, `/media/${row!.key}`]) {
        expect((await t.app.request(url)).status).toBe(404);
      }
    } finally {
      await t.close();
    }
  });
});

describe("upload limits over HTTP", () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let token: string;
  let productId: string;
  beforeAll(async () => {
    t = await createTestApp({ config: { mediaDir: mkdtempSync(join(tmpdir(), "shop-limits-")) } });
    const admin = await createSignedInUser(t.db, { role: "admin" });
    token = admin.accessToken;
    const categoryId = (await createCategory(t.db, { name: "Limits" })).id;
    productId = (
      await admin.caller.admin.products.create({ name: "Limits", description: "", priceCents: 1, stock: 1, categoryId })
    ).id;
  });
  afterAll(() => t.close());

  it("takes a 5 MB file on the upload route only, and says why a larger one is refused", async () => {
    const fiveMb = Buffer.concat([await photo({ width: 64, height: 64 }), Buffer.alloc(5 * 1024 * 1024 - 4096)]);
    const accepted = await upload(t.app, token, productId, fiveMb);
    expect(accepted.status).toBe(200);
    const tooBig = await upload(t.app, token, productId, Buffer.alloc(5 * 1024 * 1024 + 128 * 1024));
    expect(tooBig.status).toBe(413);
    const json = await t.app.request("/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { email: "a@b.c", password: "x".repeat(300 * 1024) } }),
    });
    expect(json.status).toBe(413);
  });
});

describe("media delivery by redirect", () => {
  it("sends browsers to the bucket's public URL for variants, and never for originals", async () => {
    const s3 = { bucket: "shop-media", region: "us-east-1", forcePathStyle: true, publicUrl: "https://cdn.example" };
    const t = await createTestApp({ config: { s3 } });
    try {
      const variant = await t.app.request("/media/variants/img_1.0123456789abcdef/400.avif");
      expect(variant.status).toBe(302);
      expect(variant.headers.get("location")).toBe("https://cdn.example/variants/img_1.0123456789abcdef/400.avif");
      expect((await t.app.request("/media/originals/prod_1/img_1.jpg")).status).toBe(404);
      expect((await t.app.request("/media/../secrets.json")).status).toBe(404);
      expect((await t.app.request("/media/variants/%E0%A4%A.avif")).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});

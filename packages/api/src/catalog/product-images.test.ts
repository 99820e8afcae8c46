import type { Db } from "@shopwright/db";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MediaStorage } from "../media/port.ts";
import { mediaStorageFor } from "../media/storage.ts";
import { type TestBackend, testBackends } from "../media/testing/backends.ts";
import { createCategory, createSignedInUser, imageForm, photo, pixelBomb, testConfig } from "../testing/index.ts";
import { addProductImage, makeImageVariants } from "./product-images.ts";

describe.each(testBackends)(`product images on ${testDialect()}, stored on $name`, ({ start }) => {
  let db: Db;
  let backend: TestBackend;
  let storage: MediaStorage;
  let admin: Awaited<ReturnType<typeof createSignedInUser>>;
  let categoryId: string;
  beforeAll(async () => {
    db = await createTestDb();
    backend = await start();
    storage = mediaStorageFor({ ...testConfig, ...backend.media });
    admin = await createSignedInUser(db, { role: "admin", config: backend.media });
    categoryId = (await createCategory(db, { name: "Cameras" })).id;
  });
  afterAll(async () => {
    await db.close();
    await backend.stop();
  });

  const newProduct = (name: string) =>
    admin.caller.admin.products.create({ name, description: "", priceCents: 100, stock: 1, categoryId });
  const upload = (productId: string, bytes: Uint8Array, name?: string) =>
    admin.caller.admin.products.uploadImage(imageForm(productId, bytes, { name, alt: "A photo" }));

  it("keeps the original private, serves it scaled until a job has made the variants, then serves those", async () => {
    const product = await newProduct("Rangefinder");
    const image = await upload(product.id, await photo({ width: 480, height: 360, gps: true }));
    expect(image).toMatchObject({ width: 480, height: 360, alt: "A photo", sources: [] });
    expect(image.url).toMatch(new RegExp(`^/media/originals/${product.id}/${image.id}\\.jpg\\?w=480$`));
    expect(await backend.keys()).toEqual([`originals/${product.id}/${image.id}.jpg`]);
    const [job] = await queuedJobs(db, "make_image_variants");
    expect(job?.payload).toMatchObject({ imageId: image.id });

    expect(await makeImageVariants(db, storage, image.id)).toBe("made");
    const [shown] = (await admin.caller.catalog.product({ slug: product.slug })).images;
    expect(shown!.sources.map((source) => source.type)).toEqual(["image/avif", "image/webp"]);
    expect(shown!.srcset).toMatch(/ 200w, .* 400w, .* 480w$/);
    expect(shown!.url).toMatch(/^\/media\/variants\/img_\w+\.[0-9a-f]{16}\/480\.jpg$/);
    expect(await backend.keys()).toHaveLength(1 + 3 * 3);

    const avif = await storage.get(shown!.sources[0]!.srcset.split(", ")[1]!.split(" ")[0]!.slice("/media/".length));
    const meta = await sharp(avif!.bytes).metadata();
    expect(meta).toMatchObject({ format: "heif", width: 400, height: 300 });
    expect(meta.exif).toBeUndefined();

    await admin.caller.admin.products.deleteImage({ imageId: image.id });
    expect(await backend.keys()).toEqual([]);
  });

  it("fails the variants job with a reason when the original is gone, so the job is retried and then listed", async () => {
    const product = await newProduct("Lost original");
    const image = await upload(product.id, await photo({ width: 220, height: 160 }));
    await storage.remove([`originals/${product.id}/${image.id}.jpg`]);
    await expect(makeImageVariants(db, storage, image.id)).rejects.toThrow(/original of image img_\w+ is missing/);
    const [shown] = (await admin.caller.catalog.product({ slug: product.slug })).images;
    expect(shown!.sources).toEqual([]);
    await admin.caller.admin.products.deleteImage({ imageId: image.id });
  });

  it("decides the type by the bytes, whatever the file is called", async () => {
    const product = await newProduct("Misnamed");
    const image = await upload(product.id, await photo({ width: 300, height: 200, format: "png" }), "photo.jpg");
    expect(image.url).toMatch(/\.png\?w=300$/);
    await admin.caller.admin.products.deleteImage({ imageId: image.id });
  });

  it("refuses bad files with a message a person understands, and stores nothing", async () => {
    const product = await newProduct("Camera-shy");
    const jpeg = await photo({ width: 800, height: 600 });
    const refusals: [Uint8Array, RegExp][] = [
      [Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), /Upload a JPEG, PNG or WebP image/],
      [Buffer.alloc(0), /empty/],
      [jpeg.subarray(0, jpeg.length / 2), /damaged or cut short/],
      [Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)]), /at most 5 MB/],
      [pixelBomb(), /at most 40 megapixels; this one is 50000 × 50000/],
    ];
    for (const [bytes, message] of refusals) {
      await expect(upload(product.id, bytes)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
    }
    expect((await admin.caller.admin.products.byId({ id: product.id })).images).toEqual([]);
    expect(await backend.keys()).toEqual([]);
  });

  it("removes the stored original when its row cannot be written", async () => {
    const product = await newProduct("Vanishing");
    // The product is deleted by someone else between the upload's checks and its row.
    const racing: MediaStorage = {
      ...storage,
      async put(key, bytes, type) {
        await storage.put(key, bytes, type);
        await admin.caller.admin.products.delete({ id: product.id });
      },
    };
    const bytes = await photo({ width: 200, height: 200 });
    await expect(
      addProductImage(db, racing, admin.id, { productId: product.id, bytes, alt: "" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await backend.keys()).toEqual([]);
  });
});

describe(`product images with the bucket unreachable, on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("says storage is unavailable and writes no image row", async () => {
    const s3 = { bucket: "shop-media", region: "us-east-1", endpoint: "http://127.0.0.1:9", forcePathStyle: true };
    const admin = await createSignedInUser(db, { role: "admin", config: { s3 } });
    const categoryId = (await createCategory(db, { name: "Offline" })).id;
    const product = await admin.caller.admin.products.create({
      name: "Offline",
      description: "",
      priceCents: 1,
      stock: 1,
      categoryId,
    });
    await expect(
      admin.caller.admin.products.uploadImage(imageForm(product.id, await photo({ width: 100, height: 100 }))),
    ).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringMatching(/not reachable.*nothing was saved/),
    });
    expect((await admin.caller.admin.products.byId({ id: product.id })).images).toEqual([]);
    expect(await queuedJobs(db, "make_image_variants")).toEqual([]);
  });
});

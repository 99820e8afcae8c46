import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../testing/index.ts";
import { type MediaStorage, MediaStorageUnavailable } from "./port.ts";
import { s3MediaStorage } from "./s3-storage.ts";
import { mediaStorageFor } from "./storage.ts";
import { type TestBackend, testBackends } from "./testing/backends.ts";

describe.each(testBackends)("media storage on $name", ({ start }) => {
  let backend: TestBackend;
  let storage: MediaStorage;
  beforeAll(async () => {
    backend = await start();
    storage = mediaStorageFor({ ...testConfig, ...backend.media });
  });
  afterAll(() => backend.stop());

  it("stores bytes under a key, reads them back with their type, and replaces them", async () => {
    await storage.put("variants/img_1.ab/400.webp", new Uint8Array([1, 2, 3]), "image/webp");
    const stored = await storage.get("variants/img_1.ab/400.webp");
    expect([...(stored?.bytes ?? [])]).toEqual([1, 2, 3]);
    expect(stored?.contentType).toBe("image/webp");
    await storage.put("variants/img_1.ab/400.webp", new Uint8Array([4]), "image/webp");
    expect([...((await storage.get("variants/img_1.ab/400.webp"))?.bytes ?? [])]).toEqual([4]);
    expect(await backend.keys()).toEqual(["variants/img_1.ab/400.webp"]);
  });

  it("answers null for a key it does not hold, and removes keys whether or not they exist", async () => {
    expect(await storage.get("originals/prod_x/img_missing.png")).toBeNull();
    await storage.put("originals/prod_x/img_2.png", new Uint8Array([9]), "image/png");
    await storage.put("originals/prod_x/img_3.png", new Uint8Array([8]), "image/png");
    await storage.remove(["originals/prod_x/img_2.png", "originals/prod_x/img_3.png", "originals/prod_x/nothing.png"]);
    expect(await storage.get("originals/prod_x/img_2.png")).toBeNull();
    expect(await backend.keys()).not.toContain("originals/prod_x/img_3.png");
  });
});

describe("media storage failures", () => {
  it("keeps a key inside the media folder", async () => {
    const storage = mediaStorageFor({ ...testConfig, mediaDir: "/tmp/media-escape-test" });
    await expect(storage.put("../outside.png", new Uint8Array([1]), "image/png")).rejects.toThrow(/escapes/);
  });

  it("says the bucket is unavailable when nothing answers, without waiting long", async () => {
    const storage = s3MediaStorage({
      bucket: "shop-media",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9", // the discard port: nothing listens on loopback
      forcePathStyle: true,
      accessKeyId: "x",
      secretAccessKey: "y",
    });
    const started = Date.now();
    await expect(storage.put("originals/p/i.png", new Uint8Array([1]), "image/png")).rejects.toBeInstanceOf(
      MediaStorageUnavailable,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

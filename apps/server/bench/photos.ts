/**
 * Puts photos on products for the page bench, through the admin API as an admin would: uploads a
 * photo-like JPEG (1600 × 1200, as a camera or a phone export leaves it) to each product, makes it
 * the first picture, and waits for the worker to make its variants.
 */
import { photo } from "@shopwright/api/testing";
import { createShopClient } from "@shopwright/client";
import type { Shop } from "../test/e2e/harness.ts";

/** Distinct photos, reused across products: generating one takes seconds. */
const DISTINCT = 4;

/** Returns each uploaded image's original size in bytes, by image id. */
export async function putPhotosOn(shop: Shop, slugs: string[]): Promise<Map<string, number>> {
  const client = createShopClient({ url: shop.url(""), tokenDelivery: "body" });
  await client.login(shop.admin);
  const photos = await Promise.all(
    Array.from({ length: DISTINCT }, (_, seed) => photo({ width: 1600, height: 1200, seed })),
  );
  const originals = new Map<string, number>();
  for (const [index, slug] of slugs.entries()) {
    const { id: productId } = await client.trpc.catalog.product.query({ slug });
    const bytes = photos[index % DISTINCT]!;
    const form = new FormData();
    form.set("productId", productId);
    form.set("image", new File([new Uint8Array(bytes)], "photo.jpg"));
    const uploaded = await client.trpc.admin.products.uploadImage.mutate(form);
    originals.set(uploaded.id, bytes.length);
    const { images } = await client.trpc.admin.products.byId.query({ id: productId });
    const order = [uploaded.id, ...images.map((image) => image.id).filter((id) => id !== uploaded.id)];
    await client.trpc.admin.products.updateImages.mutate({
      productId,
      images: order.map((id) => ({ id, alt: images.find((image) => image.id === id)!.alt })),
    });
  }
  for (const slug of slugs) {
    for (let waited = 0; ; waited += 500) {
      const { images } = await client.trpc.catalog.product.query({ slug });
      if (images[0]!.sources.length > 0) break;
      if (waited > 300_000) throw new Error(`No variants for ${slug} after 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return originals;
}

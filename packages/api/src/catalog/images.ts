import type { Db } from "@shopwright/db";
import { asc, inArray } from "drizzle-orm";

export interface ProductImage {
  url: string;
  alt: string;
}

/** Each product's images in display order; the first one is its thumbnail. */
export async function imagesByProduct(db: Db, productIds: string[]): Promise<Map<string, ProductImage[]>> {
  const byProduct = new Map<string, ProductImage[]>();
  if (productIds.length === 0) return byProduct;
  const { productImages } = db.tables;
  const rows = await db.orm
    .select({ productId: productImages.productId, url: productImages.url, alt: productImages.alt })
    .from(productImages)
    .where(inArray(productImages.productId, productIds))
    .orderBy(asc(productImages.productId), asc(productImages.position), asc(productImages.id));
  for (const { productId, url, alt } of rows) {
    const images = byProduct.get(productId);
    if (images) images.push({ url, alt });
    else byProduct.set(productId, [{ url, alt }]);
  }
  return byProduct;
}

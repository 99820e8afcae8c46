/**
 * Product images as shoppers get them: a `src`, its intrinsic size, and `srcset`s per format once
 * the variants exist. Until then the original is offered scaled on request (never as uploaded).
 */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { asc, inArray } from "drizzle-orm";
import { variantKey } from "../media/keys.ts";
import { fallbackFormatOf, VARIANT_FORMATS, type VariantFormat, variantWidths } from "./image-files.ts";

export interface ProductImage {
  /** The `src`: a mid-sized rendition (or the vector art itself). */
  url: string;
  alt: string;
  /** Intrinsic size, for `width`/`height` attributes: the page reserves the space before it loads. */
  width: number;
  height: number;
  /** `srcset` for `url`'s format; null when there is one size only (vector art). */
  srcset: string | null;
  /** Better encodings for `<picture>`, best first (AVIF, WebP); empty until the variants exist. */
  sources: { type: string; srcset: string }[];
  /** The product variant the picture shows; null for the product's own pictures. */
  variantId: string | null;
}

/** What a row of product_images must hold to be shown. */
export interface StoredImage {
  id: string;
  key: string;
  alt: string;
  width: number;
  height: number;
  contentHash: string | null;
  variantsAt: Date | null;
  variantId: string | null;
}

const MEDIA = "/media/";
/** The `src` width: sharp on a grid card and a phone, fine for browsers that ignore `srcset`. */
const SRC_WIDTH = 800;

const extensionOf = (key: string) => key.slice(key.lastIndexOf(".") + 1);
const MIME: Record<VariantFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  png: "image/png",
  jpg: "image/jpeg",
};

/** Every variant an image has (or will have): the keys its job writes and its deletion removes. */
export function variantsOf(image: Pick<StoredImage, "id" | "key" | "width" | "contentHash">) {
  if (!image.contentHash) return [];
  const hash = image.contentHash;
  const fallback = fallbackFormatOf(extensionOf(image.key));
  return variantWidths(image.width).flatMap((width) =>
    [...VARIANT_FORMATS, fallback].map((format) => ({
      width,
      format,
      key: variantKey(image.id, hash, width, format),
    })),
  );
}

export function imageView(image: StoredImage): ProductImage {
  const { alt, width, height, variantId } = image;
  if (!image.contentHash) return { url: MEDIA + image.key, alt, width, height, srcset: null, sources: [], variantId };
  const widths = variantWidths(width);
  const src = widths.filter((w) => w <= SRC_WIDTH).at(-1) ?? widths[0]!;
  if (!image.variantsAt) {
    const scaled = (w: number) => `${MEDIA}${image.key}?w=${w}`;
    return {
      url: scaled(src),
      alt,
      width,
      height,
      srcset: widths.map((w) => `${scaled(w)} ${w}w`).join(", "),
      sources: [],
      variantId,
    };
  }
  const variants = variantsOf(image);
  const srcsetOf = (format: VariantFormat) =>
    variants
      .filter((v) => v.format === format)
      .map((v) => `${MEDIA}${v.key} ${v.width}w`)
      .join(", ");
  const fallback = fallbackFormatOf(extensionOf(image.key));
  return {
    url: MEDIA + variants.find((v) => v.format === fallback && v.width === src)!.key,
    alt,
    width,
    height,
    srcset: srcsetOf(fallback),
    sources: VARIANT_FORMATS.map((format) => ({ type: MIME[format], srcset: srcsetOf(format) })),
    variantId,
  };
}

/** The columns `imageView` needs, for selects. */
export function storedImageColumns(db: Db) {
  const { productImages } = catalogTables(db);
  return {
    id: productImages.id,
    key: productImages.key,
    alt: productImages.alt,
    width: productImages.width,
    height: productImages.height,
    contentHash: productImages.contentHash,
    variantsAt: productImages.variantsAt,
    variantId: productImages.variantId,
  };
}

/** Each product's images in display order, its variants' own among them; the first is its thumbnail. */
export async function imagesByProduct(db: Db, productIds: string[]): Promise<Map<string, ProductImage[]>> {
  const byProduct = new Map<string, ProductImage[]>();
  if (productIds.length === 0) return byProduct;
  const { productImages } = catalogTables(db);
  const rows = await db.orm
    .select({ productId: productImages.productId, ...storedImageColumns(db) })
    .from(productImages)
    .where(inArray(productImages.productId, productIds))
    .orderBy(asc(productImages.productId), asc(productImages.position), asc(productImages.id));
  for (const { productId, ...image } of rows) {
    const images = byProduct.get(productId);
    if (images) images.push(imageView(image));
    else byProduct.set(productId, [imageView(image)]);
  }
  return byProduct;
}

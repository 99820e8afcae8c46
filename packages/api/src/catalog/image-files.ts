/**
 * What the shop does to image bytes, with sharp: check an upload, make its resized variants, scale
 * an original on request. Every output is re-encoded from decoded pixels, so no metadata (EXIF with
 * GPS, camera serials) survives; EXIF orientation is applied first so nothing turns sideways.
 */
import type { Sharp, SharpOptions } from "sharp";
import { badRequest } from "../errors.ts";
import type { ImageType } from "../media/image-type.ts";
import { imageWork } from "./image-work.ts";

let sharpModule: Promise<typeof import("sharp")> | undefined;

/**
 * sharp, loaded on first use: it brings libvips (about 27 MiB resident), which only a process that
 * handles images needs to pay for.
 */
export async function sharpOf(input: Uint8Array, options?: SharpOptions): Promise<Sharp> {
  sharpModule ??= import("sharp");
  return (await sharpModule).default(input, options);
}

/** Larger than any product photo needs (8000 × 5000); bigger ones are refused before decoding. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Widths of the variants, in CSS pixels × device pixel ratio: grid cards to a zoomed product photo. */
export const VARIANT_WIDTHS = [200, 400, 800, 1600] as const;

/** The variants' encodings, best first: what `<picture>` offers browsers in order. */
export const VARIANT_FORMATS = ["avif", "webp"] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number] | FallbackFormat;
type FallbackFormat = "png" | "jpg";

/** Every browser decodes JPEG and PNG: PNG for PNG uploads (transparency, line art), else JPEG. */
export const fallbackFormatOf = (originalExtension: string): FallbackFormat =>
  originalExtension === "png" ? "png" : "jpg";

/** The variant widths for an original `width` wide: the standard ones below it, and it (up to 1600). */
export function variantWidths(width: number): number[] {
  const largest = Math.min(width, VARIANT_WIDTHS.at(-1)!);
  return [...new Set([...VARIANT_WIDTHS.filter((w) => w < largest), largest])];
}

export interface InspectedImage {
  width: number;
  height: number;
}

/**
 * Reads the header first and refuses a pixel bomb (a small file claiming huge dimensions) before a
 * single pixel is decoded; then decodes it all once, so a truncated or corrupt file is refused at
 * upload and not in a background job.
 */
export async function inspectImage(bytes: Uint8Array, type: ImageType): Promise<InspectedImage> {
  const header = await sharpOf(bytes, { limitInputPixels: false })
    .then((image) => image.metadata())
    .catch(() => null);
  if (!header?.width || !header.height)
    throw badRequest(`This file is not a readable ${label(type)} image`, { field: "image" });
  const { width, height } = header.autoOrient;
  if (width * height > MAX_IMAGE_PIXELS) {
    throw badRequest(`Images can be at most 40 megapixels; this one is ${width} × ${height}`, { field: "image" });
  }
  try {
    await (await sharpOf(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "truncated" })).stats();
  } catch {
    throw badRequest(`This ${label(type)} file is damaged or cut short; export it again`, { field: "image" });
  }
  return { width, height };
}

export interface RenderedVariant {
  width: number;
  format: VariantFormat;
  bytes: Buffer;
}

/** Every variant of an original: each width in AVIF, WebP and the fallback format. */
export async function renderVariants(original: Uint8Array, widths: number[], fallback: FallbackFormat) {
  const source = (await sharpOf(original, { limitInputPixels: MAX_IMAGE_PIXELS })).autoOrient();
  const variants: RenderedVariant[] = [];
  // One at a time, each in the process's line for image work: the worker may share two cores
  // with the web server.
  for (const width of widths) {
    for (const format of [...VARIANT_FORMATS, fallback]) {
      const bytes = await imageWork(() => encode(source.clone().resize({ width }), format), "wait");
      variants.push({ width, format, bytes });
    }
  }
  return variants;
}

/**
 * The original at `width`, as the WebP variant of that width will be: what shoppers see until the
 * variants exist. Asked for by a request, so refused (503) when the line for image work is full.
 */
export async function scaleOriginal(original: Uint8Array, width: number): Promise<Buffer> {
  const source = await sharpOf(original, { limitInputPixels: MAX_IMAGE_PIXELS });
  return imageWork(() => encode(source.autoOrient().resize({ width }), "webp"), "or-refuse");
}

function encode(image: Sharp, format: VariantFormat): Promise<Buffer> {
  switch (format) {
    case "avif":
      // effort 2 of 9: most of AVIF's saving at a fraction of the default's encoding time.
      return image.avif({ quality: 50, effort: 2 }).toBuffer();
    case "webp":
      return image.webp({ quality: 75 }).toBuffer();
    case "png":
      return image.png({ compressionLevel: 9, palette: true }).toBuffer();
    case "jpg":
      return image.flatten({ background: "#ffffff" }).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  }
}

const label = (type: ImageType) => type.extension.toUpperCase().replace("JPG", "JPEG");

/** Real image files for upload tests, made with sharp: photos with noise (so they compress like photos), GPS in EXIF. */
import { crc32 } from "node:zlib";
import sharp from "sharp";

export async function photo(options: {
  width: number;
  height: number;
  format?: "jpeg" | "png" | "webp";
  gps?: boolean;
}) {
  const image = sharp({
    create: {
      width: options.width,
      height: options.height,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  }).toFormat(options.format ?? "jpeg");
  const withGps = options.gps
    ? image.withExif({ IFD0: { Make: "TestCam" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    : image;
  return withGps.toBuffer();
}

/**
 * A pixel bomb: a valid PNG header claiming 50,000 × 50,000 pixels in a file of a few dozen bytes.
 * Decoding it would need 7.5 GB; the shop must refuse it from the header alone.
 */
export function pixelBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(50_000, 0);
  header.writeUInt32BE(50_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The upload form the admin app sends. */
export function imageForm(productId: string, bytes: Uint8Array, options: { name?: string; alt?: string } = {}) {
  const form = new FormData();
  form.set("productId", productId);
  form.set("image", new File([bytes], options.name ?? "photo.jpg"));
  if (options.alt !== undefined) form.set("alt", options.alt);
  return form;
}

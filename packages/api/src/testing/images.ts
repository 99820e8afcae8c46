/**
 * Real image files for tests and benchmarks, made with sharp: photo-like pictures (soft shapes under
 * gradients, texture at several scales) that compress roughly as product photos do — about 1 MB
 * at 2000 px as a JPEG of quality 90. `gps` adds EXIF with a location, as phones write it.
 */
import { crc32 } from "node:zlib";
import sharp from "sharp";

export async function photo(options: {
  width: number;
  height: number;
  format?: "jpeg" | "png" | "webp";
  gps?: boolean;
  /** Varies the colours, so pictures differ. */
  seed?: number;
}) {
  const { width, height } = options;
  const hue = ((options.seed ?? 0) * 47) % 360;
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <radialGradient id="bg" cx="30%" cy="30%" r="90%"><stop offset="0" stop-color="hsl(${hue},40%,85%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},35%,35%)"/></radialGradient>
    <linearGradient id="obj" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(hue + 180) % 360},60%,65%)"/><stop offset="1" stop-color="hsl(${(hue + 200) % 360},55%,25%)"/></linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="url(#bg)"/>
  <ellipse cx="${width * 0.5}" cy="${height * 0.82}" rx="${width * 0.3}" ry="${height * 0.06}" fill="rgba(0,0,0,.25)"/>
  <rect x="${width * 0.32}" y="${height * 0.25}" width="${width * 0.36}" height="${height * 0.55}" rx="${width * 0.05}" fill="url(#obj)"/>
  <circle cx="${width * 0.5}" cy="${height * 0.4}" r="${width * 0.08}" fill="rgba(255,255,255,.35)"/>
</svg>`;
  // Grain at three scales, so detail survives downscaling as a photo's texture does.
  const grain = (scale: number, sigma: number) =>
    sharp({
      create: {
        width: Math.ceil(width / scale),
        height: Math.ceil(height / scale),
        channels: 3,
        background: "#808080",
        noise: { type: "gaussian", mean: 128, sigma },
      },
    })
      .resize(width, height, { kernel: "cubic" })
      .png()
      .toBuffer();
  const layers = await Promise.all([grain(1, 10), grain(4, 30), grain(16, 40)]);
  const image = sharp(Buffer.from(scene))
    .composite(layers.map((input) => ({ input, blend: "soft-light" as const })))
    .toFormat(options.format ?? "jpeg", { quality: 90 });
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
  form.set("image", new File([new Uint8Array(bytes)], options.name ?? "photo.jpg"));
  if (options.alt !== undefined) form.set("alt", options.alt);
  return form;
}

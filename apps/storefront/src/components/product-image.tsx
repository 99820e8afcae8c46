import type { Product } from "../lib/types.ts";
import styles from "./product-image.module.css";

export type ImageView = Product["images"][number];

/** How wide the image is drawn, for the browser to pick a variant (`sizes`): a card, the main picture, a thumb. */
export const IMAGE_SIZES = {
  card: "(max-width: 480px) 50vw, (max-width: 760px) 33vw, 240px",
  main: "(max-width: 760px) 100vw, 620px",
  thumb: "72px",
} as const;

/**
 * A product picture in a square frame, so the layout never shifts while it loads (the intrinsic
 * width and height are given too). The browser picks AVIF or WebP at the width `sizes` asks for,
 * else the JPEG/PNG fallback. Pictures below the fold load lazily; `eager` is for those a shopper
 * sees first, and `priority` for the one picture a page is about.
 */
export function ProductImage({
  image,
  alt,
  sizes,
  eager = false,
  priority = false,
}: {
  image: ImageView | null | undefined;
  alt: string;
  sizes: string;
  eager?: boolean;
  priority?: boolean;
}) {
  if (!image) {
    return (
      <div className={styles.frame}>
        <div className={styles.placeholder} role="img" aria-label={alt}>
          No image
        </div>
      </div>
    );
  }
  return (
    <div className={styles.frame}>
      <picture className={styles.picture}>
        {image.sources.map((source) => (
          <source key={source.type} type={source.type} srcSet={source.srcset} sizes={sizes} />
        ))}
        <img
          className={styles.image}
          src={image.url}
          srcSet={image.srcset ?? undefined}
          sizes={image.srcset ? sizes : undefined}
          alt={alt}
          width={image.width}
          height={image.height}
          loading={eager || priority ? "eager" : "lazy"}
          decoding="async"
          {...(priority ? { fetchPriority: "high" as const } : {})}
        />
      </picture>
    </div>
  );
}

import styles from "./product-image.module.css";

/**
 * A product picture in a square frame, so the layout never shifts while it loads. Images below
 * the fold load lazily; pass `eager` for the one a shopper sees first.
 */
export function ProductImage({ src, alt, eager = false }: { src: string | undefined; alt: string; eager?: boolean }) {
  return (
    <div className={styles.frame}>
      {src ? (
        <img
          className={styles.image}
          src={src}
          alt={alt}
          width={600}
          height={600}
          loading={eager ? "eager" : "lazy"}
          decoding="async"
          {...(eager ? { fetchPriority: "high" as const } : {})}
        />
      ) : (
        <div className={styles.placeholder} role="img" aria-label={alt}>
          No image
        </div>
      )}
    </div>
  );
}

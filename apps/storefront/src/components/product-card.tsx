import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { formatCents } from "@shopwright/ui/money";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { ProductSummary } from "../lib/types.ts";
import styles from "./product-card.module.css";
import { IMAGE_SIZES, ProductImage } from "./product-image.tsx";
import { Skeleton } from "./skeleton.tsx";

export function ProductGrid({ children, label }: { children: ReactNode; label: string }) {
  return (
    <ul className={styles.grid} aria-label={label}>
      {children}
    </ul>
  );
}

export function ProductCard({ product, eager = false }: { product: ProductSummary; eager?: boolean }) {
  return (
    <li>
      <Link to={routes.product.href({ slug: product.slug })} className={styles.card}>
        <ProductImage
          image={product.thumbnail}
          alt={product.thumbnail?.alt || product.name}
          sizes={IMAGE_SIZES.card}
          eager={eager}
        />
        <h3 className={styles.name}>{product.name}</h3>
        <div className={styles.meta}>
          <span className={styles.price}>
            {/* A product whose variants differ in price is listed at its lowest. */}
            {product.priceCents < product.maxPriceCents
              ? `From ${formatCents(product.priceCents)}`
              : formatCents(product.priceCents)}
          </span>
          {product.stock === 0 && <span className={styles.soldOut}>Sold out</span>}
        </div>
      </Link>
    </li>
  );
}

export function ProductCardSkeleton() {
  return (
    <li aria-hidden="true" className={styles.card}>
      <Skeleton height="auto" style={{ aspectRatio: "1 / 1" }} />
      <Skeleton height="1.2em" />
      <Skeleton height="1.2em" width="40%" />
    </li>
  );
}

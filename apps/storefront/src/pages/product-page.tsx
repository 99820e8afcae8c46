import { errorMessage, formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { ErrorNotice } from "@shopwright/ui/error-notice";
import { formatCents } from "@shopwright/ui/money";
import { useOnline } from "@shopwright/ui/page-load";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { IMAGE_SIZES, ProductImage } from "../components/product-image.tsx";
import { QuantityInput } from "../components/quantity-input.tsx";
import { Loading, Skeleton } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { useAddToCart } from "../features/cart/use-cart.ts";
import { trpc } from "../lib/api.ts";
import type { Product } from "../lib/types.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import pageStyles from "./page.module.css";
import styles from "./product-page.module.css";

const MAX_PER_LINE = 99;
const LOW_STOCK = 5;

export function ProductPage() {
  const { slug = "" } = useParams();
  const query = useQuery(trpc.catalog.product.queryOptions({ slug }));
  usePageTitle(query.data?.name);

  if (query.isError) {
    if (query.error.data?.code === "NOT_FOUND") {
      return (
        <EmptyState title="This product is not available" action={<Link to="/search">Browse all products</Link>}>
          It may have been removed from the catalog.
        </EmptyState>
      );
    }
    return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  }
  if (!query.data) return <ProductSkeleton />;
  return <ProductDetails key={query.data.id} product={query.data} />;
}

function ProductDetails({ product }: { product: Product }) {
  const [imageIndex, setImageIndex] = useState(0);
  const [quantity, setQuantity] = useState(1);
  const addToCart = useAddToCart();
  const online = useOnline();
  const image = product.images[imageIndex];
  const soldOut = product.stock === 0;

  return (
    <>
      <nav aria-label="Breadcrumb" className={pageStyles.breadcrumbs}>
        <ol>
          <li>
            <Link to="/search">All products</Link>
          </li>
          {product.categoryPath.map((category) => (
            <li key={category.slug}>
              <Link to={`/search?category=${category.slug}`}>{category.name}</Link>
            </li>
          ))}
          <li aria-current="page">{product.name}</li>
        </ol>
      </nav>

      <article className={styles.product}>
        <div className={styles.gallery}>
          <ProductImage image={image} alt={image?.alt || product.name} sizes={IMAGE_SIZES.main} priority />
          {product.images.length > 1 && (
            <ul className={styles.thumbs} aria-label="More pictures">
              {product.images.map((thumb, index) => (
                <li key={thumb.url}>
                  <button
                    type="button"
                    className={styles.thumb}
                    aria-pressed={index === imageIndex}
                    aria-label={`Show picture ${index + 1}`}
                    onClick={() => setImageIndex(index)}
                  >
                    <ProductImage image={thumb} alt="" sizes={IMAGE_SIZES.thumb} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className={styles.info}>
          <h1>{product.name}</h1>
          <div className={styles.price}>{formatCents(product.priceCents)}</div>
          <StockBadge stock={product.stock} />
          {!soldOut && (
            <div className={styles.buy}>
              <QuantityInput
                label="Quantity"
                value={quantity}
                // Not capped at the stock: asking for more adds what there is, and the page says so.
                max={MAX_PER_LINE}
                onChange={setQuantity}
              />
              <Button
                variant="primary"
                disabled={addToCart.isPending || !online}
                onClick={() => addToCart.mutate({ productId: product.id, quantity })}
              >
                {addToCart.isPending ? "Adding…" : "Add to cart"}
              </Button>
            </div>
          )}
          <div aria-live="polite">
            {addToCart.isSuccess && (
              <p className={styles.added}>
                {addToCart.data.adjusted
                  ? `Only ${addToCart.data.adjusted.available} available: your cart now has ${addToCart.data.adjusted.quantity}. `
                  : "Added to your cart. "}
                <Link to="/cart">View cart</Link>
              </p>
            )}
            {online ? (
              addToCart.isError && (
                <ErrorNotice
                  message={errorMessage(addToCart.error)}
                  onRetry={
                    formErrors(addToCart.error).retryable ? () => addToCart.mutate(addToCart.variables) : undefined
                  }
                />
              )
            ) : (
              <p className={styles.error}>You are offline: adding to the cart works again once you are back online.</p>
            )}
          </div>
          <p className={styles.description}>{product.description}</p>
        </div>
      </article>
    </>
  );
}

function StockBadge({ stock }: { stock: number }) {
  if (stock === 0) return <span className={`${styles.stock} ${styles.soldOut}`}>Sold out</span>;
  if (stock <= LOW_STOCK) return <span className={`${styles.stock} ${styles.lowStock}`}>Only {stock} left</span>;
  return <span className={`${styles.stock} ${styles.inStock}`}>In stock</span>;
}

function ProductSkeleton() {
  return (
    <Loading label="Loading product">
      <div className={styles.product}>
        <Skeleton height="auto" style={{ aspectRatio: "1 / 1" }} />
        <div className={styles.info}>
          <Skeleton height="2.2rem" width="80%" />
          <Skeleton height="2rem" width="30%" />
          <Skeleton height="1.5rem" width="25%" />
          <Skeleton height="44px" width="60%" />
          <Skeleton height="5rem" />
        </div>
      </div>
    </Loading>
  );
}

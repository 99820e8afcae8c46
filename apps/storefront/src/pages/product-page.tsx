import { errorMessage, formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { ErrorNotice } from "@shopwright/ui/error-notice";
import { formatCents } from "@shopwright/ui/money";
import { useOnline } from "@shopwright/ui/page-load";
import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { IMAGE_SIZES, ProductImage } from "../components/product-image.tsx";
import { QuantityInput } from "../components/quantity-input.tsx";
import { Loading, Skeleton } from "../components/skeleton.tsx";
import { EmptyState, ErrorState } from "../components/status-message.tsx";
import { useAddToCart } from "../features/cart/use-cart.ts";
import { readChoice, withChoice } from "../features/variants/variant-params.ts";
import { focusOption, VariantPicker } from "../features/variants/variant-picker.tsx";
import {
  chooseMessage,
  chosenVariant,
  firstUnchosen,
  picturesFor,
  priceRange,
  variantsMatching,
  withValue,
} from "../features/variants/variant-selection.ts";
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
  const [params, setParams] = useSearchParams();
  const [imageIndex, setImageIndex] = useState(0);
  const [quantity, setQuantity] = useState(1);
  // "Choose a size": why Add to cart did nothing, until the choice changes.
  const [refusal, setRefusal] = useState<string | null>(null);
  const refusalId = useId();
  const pickerRef = useRef<HTMLDivElement>(null);
  const addToCart = useAddToCart();
  const online = useOnline();

  const { options, variants } = product;
  const choice = readChoice(options, params);
  const variant = chosenVariant(options, variants, choice);
  const allowed = variantsMatching(variants, choice);
  const images = picturesFor(product.images, variants, choice);
  const image = images[imageIndex] ?? images[0];
  const range = priceRange(allowed);
  const soldOut = variant ? !variant.inStock : !allowed.some((candidate) => candidate.inStock);

  const choose = (name: string, value: string) => {
    setRefusal(null);
    setImageIndex(0);
    addToCart.reset();
    // Replaced, not pushed: Back leaves the product rather than stepping through every value tried.
    setParams(withChoice(params, options, withValue(options, choice, name, value)), {
      replace: true,
      preventScrollReset: true,
    });
  };
  const add = () => {
    const unchosen = firstUnchosen(options, choice);
    if (unchosen) {
      setRefusal(chooseMessage(unchosen));
      return focusOption(pickerRef.current, unchosen.name);
    }
    if (!variant) return setRefusal(`${product.name} is not made in this combination. Choose another.`);
    setRefusal(null);
    addToCart.mutate({ variantId: variant.id, quantity });
  };

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
          {images.length > 1 && (
            <ul className={styles.thumbs} aria-label="More pictures">
              {images.map((thumb, index) => (
                <li key={thumb.url}>
                  <button
                    type="button"
                    className={styles.thumb}
                    aria-pressed={thumb === image}
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
          <div className={styles.price} data-testid="price">
            {variant
              ? formatCents(variant.priceCents)
              : range && range.minCents < range.maxCents
                ? `From ${formatCents(range.minCents)}`
                : formatCents(range?.minCents ?? product.priceCents)}
          </div>
          {variant ? <StockBadge stock={variant.stock} /> : soldOut && <StockBadge stock={0} />}
          {options.length > 0 && (
            <div ref={pickerRef}>
              <VariantPicker
                options={options}
                variants={variants}
                choice={choice}
                onChoose={choose}
                describedBy={refusal ? refusalId : undefined}
              />
            </div>
          )}
          {!soldOut && (
            <div className={styles.buy}>
              <QuantityInput
                label="Quantity"
                value={quantity}
                // Not capped at the stock: asking for more adds what there is, and the page says so.
                max={MAX_PER_LINE}
                onChange={setQuantity}
              />
              <Button variant="primary" disabled={addToCart.isPending || !online} onClick={add}>
                {addToCart.isPending ? "Adding…" : "Add to cart"}
              </Button>
            </div>
          )}
          <div aria-live="polite">
            {refusal && (
              <p id={refusalId} className={styles.error}>
                {refusal}
              </p>
            )}
            {addToCart.isSuccess && !refusal && (
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

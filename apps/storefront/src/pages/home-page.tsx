import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ProductCard, ProductCardSkeleton, ProductGrid } from "../components/product-card.tsx";
import { placeholderKeys, Skeleton } from "../components/skeleton.tsx";
import { ErrorState } from "../components/status-message.tsx";
import { trpc } from "../lib/api.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./page.module.css";

function ProductRow({
  title,
  input,
  link,
}: {
  title: string;
  input: Parameters<typeof trpc.catalog.search.queryOptions>[0];
  link: string;
}) {
  const query = useQuery(trpc.catalog.search.queryOptions(input));
  return (
    <section className={styles.section} aria-labelledby={`${link}-title`}>
      <div className={styles.sectionHeader}>
        <h2 id={`${link}-title`}>{title}</h2>
        <Link to={link}>See all</Link>
      </div>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <ProductGrid label={title}>
          {query.data
            ? query.data.items.map((product) => <ProductCard key={product.id} product={product} />)
            : placeholderKeys(4).map((key) => <ProductCardSkeleton key={key} />)}
        </ProductGrid>
      )}
    </section>
  );
}

export function HomePage() {
  usePageTitle(undefined);
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  return (
    <>
      <section className={styles.hero}>
        <h1>Good things, honestly priced.</h1>
        <p>Browse the catalog, search as you type, and check out in a minute.</p>
      </section>

      <section className={styles.section} aria-labelledby="categories-title">
        <div className={styles.sectionHeader}>
          <h2 id="categories-title">Shop by category</h2>
        </div>
        {categories.isError ? (
          <ErrorState error={categories.error} onRetry={() => categories.refetch()} />
        ) : (
          <ul className={styles.chips}>
            {categories.data
              ? categories.data.map((category) => (
                  <li key={category.id}>
                    <Link className={styles.chip} to={`/search?category=${category.slug}`}>
                      {category.name}
                    </Link>
                  </li>
                ))
              : placeholderKeys(8).map((key) => (
                  <li key={key}>
                    <Skeleton width="7rem" height="40px" />
                  </li>
                ))}
          </ul>
        )}
      </section>

      <ProductRow
        title="Featured"
        link="/search?inStock=1&sort=price_desc"
        input={{ inStock: true, sort: "price_desc", pageSize: 5 }}
      />
      <ProductRow title="New arrivals" link="/search?sort=newest" input={{ sort: "newest", pageSize: 10 }} />
    </>
  );
}

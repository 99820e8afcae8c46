/**
 * The products for sale a text matches, as a derived table `search_matches` of (id, score), so the
 * page can be chosen from the matches alone. Scores are tiered so the order reads the way a shopper
 * expects: every word in the name (2) above words found partly in the description; within each,
 * the half-typed last word matching a whole word (1 in the name, 0.5 anywhere) above matching only
 * as a prefix of a longer word ("pen" puts Fountain Pen above Pencil Set); then the dialect's own
 * rank, squashed below 0.5, within a tier. The dialects differ only in how they find the words
 * (`db.sql.wordMatches`, packages/db/src/dialect-sql.ts) and how a name is near a misspelt word.
 */
import type { Db } from "@shopwright/db";
import { catalogTables } from "@shopwright/db/tables/catalog";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { fuzzySpellings } from "./spellings.ts";
import type { SearchText } from "./text.ts";

export interface TextMatch {
  table: SQL;
  id: SQL<string>;
  score: SQL<number>;
}

/**
 * The least `word_similarity` for a fuzzy match: 0.5 lets "tshirt" (0.57 to "T-Shirt") and "lampp"
 * (0.67 to "Lamp") through while "linen" stays far from "lamp".
 */
const FUZZY_THRESHOLD = 0.5;

const MATCHES = "search_matches";

/** `select` (yielding `id` and `score`) as the derived table every `TextMatch` is read through. */
const textMatch = (select: SQL): TextMatch => ({
  table: sql`(${select}) as ${sql.identifier(MATCHES)}`,
  id: sql<string>`${sql.identifier(MATCHES)}.id`,
  score: sql<number>`${sql.identifier(MATCHES)}.score`,
});

/**
 * Products for sale whose name, description or option values hold every word of the text; but when
 * `sku` is exactly the SKU of a variant for sale, its product alone, whatever the words would
 * match. One statement either way: the SKU's unique index decides inside it.
 */
export function productMatches(db: Db, text: SearchText, sku: string | null): TextMatch {
  const words = sql`select words.id as id, case when words.in_name then 2 else 0 end
      + case when words.exact_in_name then 1 else 0 end
      + case when words.exact then 0.5 else 0 end
      + 0.4 * words.rank / (words.rank + 1) as score
    from (${db.sql.wordMatches(text)}) as words`;
  if (sku === null) return textMatch(words);
  const { products, productVariants } = catalogTables(db);
  const bySku = sql`select ${productVariants.productId} as id from ${productVariants}
    join ${products} on ${products.id} = ${productVariants.productId}
    where ${and(eq(productVariants.sku, sku), eq(productVariants.status, "active"), eq(products.status, "active"))}`;
  return textMatch(sql`select id, 3 as score from (${bySku}) as sku
    union all
    ${words} where not exists (${bySku})`);
}

/**
 * Products for sale whose name is near every word, each tried with its slips of the keyboard, scored
 * by the sum of each word's best similarity. Run it inside `withFuzzyThreshold`.
 */
export function fuzzyProductMatches(db: Db, words: string[]): TextMatch {
  const { products } = catalogTables(db);
  const perWord = words.map((word) => {
    const spellings = fuzzySpellings(word);
    const near = spellings.map((spelling) => db.sql.nearName(spelling, products.name, FUZZY_THRESHOLD));
    const best = spellings
      .map((spelling): SQL<number> => sql`word_similarity(${spelling}, ${products.name})`)
      .reduce((a, b) => db.sql.greatest(a, b));
    return { near: sql`(${sql.join(near, sql` or `)})`, best };
  });
  return textMatch(
    sql`select ${products.id} as id, ${sql.join(
      perWord.map((w) => w.best),
      sql` + `,
    )} as score from ${products} where ${and(eq(products.status, "active"), ...perWord.map((w) => w.near))}`,
  );
}

/** Runs `fn` where fuzzy matching finds names at FUZZY_THRESHOLD or nearer. */
export const withFuzzyThreshold = <T>(db: Db, fn: (db: Db) => Promise<T>) =>
  db.sql.withFuzzyThreshold(db, FUZZY_THRESHOLD, fn);

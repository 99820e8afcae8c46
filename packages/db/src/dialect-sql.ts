/**
 * The SQL services need that is spelled differently on Postgres and SQLite, one implementation per
 * dialect, reached as `db.sql`. Services compose these fragments with plain Drizzle and never ask
 * which database they are on.
 *
 * Product search: `productMatches` and `fuzzyProductMatches` return a `TextMatch`, a table of the
 * products for sale that match, each with a score, higher for a better match, so the catalog can
 * choose a page from the matches alone. Scores are tiered so the order reads the way a shopper
 * expects: every word in the name (2) above words found partly in the description; within each,
 * the half-typed last word matching a whole word (1 in the name, 0.5 anywhere) above matching only
 * as a prefix of a longer word ("pen" puts Fountain Pen above Pencil Set); then the dialect's own
 * rank (below 0.5) within a tier. Postgres reads its `product_terms` index (schema/catalog/search-pg.ts)
 * and ranks by how often the words occur, a name's worth 2.5 of a description's; SQLite ranks with
 * FTS5's bm25, name weighted ten times description.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { productTerms } from "./schema/catalog/search-pg.ts";
import type { ProductStatus } from "./schema/enums.ts";

/** Search text read the way a search box is typed (the catalog parses it). */
export interface SearchText {
  /** The text before the half-typed last token (all of it when there is none), for Postgres. */
  finished: string;
  /**
   * The finished words to require, grouped by the token they were typed in ("t-shirt" is one
   * group of two), lone stop words left out.
   */
  words: string[][];
  /** The last token's words while it is still being typed; its last word is matched as a prefix. */
  prefix: string[] | null;
}

/** The products for sale matching a text: a derived table `search_matches` of (id, score). */
export interface TextMatch {
  table: SQL;
  id: SQL<string>;
  score: SQL<number>;
}

const MATCHES = "search_matches";

/** `select` (yielding `id` and `score`) as the derived table every `TextMatch` is read through. */
const textMatch = (select: SQL): TextMatch => ({
  table: sql`(${select}) as ${sql.identifier(MATCHES)}`,
  id: sql<string>`${sql.identifier(MATCHES)}.id`,
  score: sql<number>`${sql.identifier(MATCHES)}.score`,
});

const FOR_SALE = sql`products.status = ${"active" satisfies ProductStatus}`;

/** What running fuzzy matching needs of a `Db`, named here so this module stays below client.ts. */
export interface Transactional<Self> {
  transaction<T>(fn: (tx: Self) => Promise<T>): Promise<T>;
  run(query: SQL): Promise<void>;
}

export interface DialectSql {
  /** Two-argument minimum. */
  least(a: SQLWrapper, b: SQLWrapper): SQL<number>;
  /** Two-argument maximum. */
  greatest(a: SQLWrapper, b: SQLWrapper): SQL<number>;
  /** Products for sale whose name or description holds every word of the text. */
  productMatches(text: SearchText): TextMatch;
  /**
   * Products for sale whose name is close to every word by trigram similarity: pg_trgm's `<%`, served by
   * the trigram index on the name, or the same similarity computed in JavaScript on SQLite. Run
   * it inside `withFuzzyThreshold`.
   */
  fuzzyProductMatches(words: string[]): TextMatch;
  /** Runs `fn` where fuzzy matching uses FUZZY_THRESHOLD (a transaction-local setting on Postgres). */
  withFuzzyThreshold<D extends Transactional<D>, T>(db: D, fn: (db: D) => Promise<T>): Promise<T>;
}

/**
 * The least `word_similarity` for a fuzzy match. pg_trgm's `<%` reads it from a setting, so
 * Postgres sets it for the transaction `withFuzzyThreshold` opens; 0.5 lets "tshirt" (0.57 to
 * "T-Shirt") and "lampp" (0.67 to "Lamp") through while "linen" stays far from "lamp".
 */
export const FUZZY_THRESHOLD = 0.5;

const MIN_SPLIT_LENGTH = 5;

/** The least text after every text that starts with `prefix` ("lamp" → "lamq"), in collation "C". */
const nextPrefix = (prefix: SQL) => sql`left(${prefix}, -1) || chr(ascii(right(${prefix}, 1)) + 1)`;

/** Whole words a Postgres search requires, each a bit of a 64-bit mask; later ones are ignored. */
const WHOLE_WORDS_MAX = 62;

/**
 * The typed word and the spellings a slip of the keyboard would explain: two neighbouring letters
 * swapped ("lmap" for "lamp") and a space or hyphen left out ("tshirt" for "t-shirt"). Trigrams
 * alone catch a letter dropped, doubled or changed ("lampp") but score these low or tie them
 * ("lmap" shares one trigram with "lamp"; "tshirt" is as near "Denim Shirt" as "T-Shirt").
 */
export function fuzzySpellings(word: string): string[] {
  const chars = [...word.toLowerCase()];
  const spellings = new Set([chars.join("")]);
  for (let i = 0; i + 1 < chars.length; i++) {
    const swapped = [...chars];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
    spellings.add(swapped.join(""));
    // Splitting a short word leaves fragments whose trigrams half the catalog shares.
    if (chars.length >= MIN_SPLIT_LENGTH)
      spellings.add(`${chars.slice(0, i + 1).join("")} ${chars.slice(i + 1).join("")}`);
  }
  return [...spellings];
}

/** Each word's spellings, how near a name is to one of them, and its best similarity. */
function fuzzyWords(words: string[], near: (spelling: string, name: SQL) => SQL, best: (all: SQL[]) => SQL) {
  const name = sql`products.name`;
  const perWord = words.map((word) => {
    const spellings = fuzzySpellings(word);
    const similarities = spellings.map((spelling) => sql`word_similarity(${spelling}, ${name})`);
    return {
      near: sql`(${sql.join(
        spellings.map((spelling) => near(spelling, name)),
        sql` or `,
      )})`,
      best: similarities.length === 1 ? similarities[0]! : best(similarities),
    };
  });
  return textMatch(
    sql`select products.id as id, ${sql.join(
      perWord.map((w) => w.best),
      sql` + `,
    )} as score from products where ${FOR_SALE} and ${sql.join(
      perWord.map((w) => w.near),
      sql` and `,
    )}`,
  );
}

// Each word holds only letters and digits, so quoting it keeps any input out of FTS5's syntax.
const ftsPhrase = (words: string[], prefix: boolean) => `"${words.join(" ")}"${prefix ? "*" : ""}`;

export const postgresSql: DialectSql = {
  least: (a, b) => sql<number>`least(${a}, ${b})`,
  greatest: (a, b) => sql<number>`greatest(${a}, ${b})`,
  productMatches(text) {
    // Whole words: the finished text and the half-typed token's words before its last. Postgres
    // reads them as its parser and stemmer do ("t-shirt", "3.5mm", "lamps" → lamp), stop words left
    // out; each is a bit of a mask, the half-typed token bit 0.
    const whole = [text.finished, ...(text.prefix?.slice(0, -1) ?? [])].join(" ");
    // A hyphenated token is matched whole, as Postgres indexes "T-Shirt": "t-sh" finds t-shirt.
    const typed = text.prefix?.join("-") ?? null;
    // The half-typed token matches words starting with its stem (its longest lexeme: a hyphenated
    // token's compound), or with itself as typed when stemming drops it ("be") or changes more
    // than its ending.
    const t = productTerms;
    return textMatch(sql`with whole_words as (
        select lexeme, 2::int8 << (i - 1)::int as bit
        from unnest(tsvector_to_array(to_tsvector('english', ${whole}))) with ordinality as word(lexeme, i)
        where i <= ${WHOLE_WORDS_MAX}
      ), last_word as (
        select ${typed}::text as typed, coalesce((select lexeme
          from unnest(tsvector_to_array(to_tsvector('english', ${typed}::text))) as lexeme
          order by length(lexeme) desc limit 1), '') as stem
      ), starts as (
        select stem as start from last_word where stem <> ''
        union all
        select typed from last_word where stem = '' or not starts_with(typed, stem)
      ), postings as (
        select ${t.productId}, whole_words.bit, true as exact, ${t.nameHits}, ${t.otherHits}
        from whole_words join ${productTerms} on ${t.lexeme} = whole_words.lexeme
        union all
        select ${t.productId}, 1, ${t.lexeme} = last_word.stem, ${t.nameHits}, ${t.otherHits}
        from starts join ${productTerms}
          on ${t.lexeme} >= starts.start and ${t.lexeme} < ${nextPrefix(sql`starts.start`)}, last_word
      ), required as (
        select coalesce(bit_or(bit), 0) | ${typed === null ? 0 : 1} as mask from whole_words
      ), found as (
        select product_id, bit_or(bit) as words,
          bit_or(case when name_hits > 0 then bit else 0 end) as in_name,
          bit_or(case when exact and name_hits > 0 then bit else 0 end) as exact_in_name,
          bit_or(case when exact then bit else 0 end) as exact,
          sum(5 * name_hits + 2 * other_hits) / 5.0::float8 as hits
        from postings group by product_id
      )
      select product_id as id, case when in_name = mask then 2::float8 else 0 end
        + case when exact_in_name = mask then 1 else 0 end
        + case when exact = mask then 0.5::float8 else 0 end
        + 0.4 * hits / (hits + 1) as score
      from found, required where words = mask`);
  },
  fuzzyProductMatches: (words) =>
    fuzzyWords(
      words,
      (spelling, name) => sql`${spelling} <% ${name}`,
      (all) => sql`greatest(${sql.join(all, sql`, `)})`,
    ),
  withFuzzyThreshold: (db, fn) =>
    db.transaction(async (tx) => {
      await tx.run(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`);
      return fn(tx);
    }),
};

export const sqliteSql: DialectSql = {
  least: (a, b) => sql<number>`min(${a}, ${b})`,
  greatest: (a, b) => sql<number>`max(${a}, ${b})`,
  productMatches(text) {
    const finished = text.words.map((group) => ftsPhrase(group, false));
    const all = [...finished, ...(text.prefix ? [ftsPhrase(text.prefix, true)] : [])].join(" ");
    const exact = [...finished, ...(text.prefix ? [ftsPhrase(text.prefix, false)] : [])].join(" ");
    const rank = sql`-bm25(products_fts, 10.0, 1.0)`;
    const matching = (query: string) =>
      sql`products_fts.rowid in (select rowid from products_fts where products_fts match ${query})`;
    // bm25 is defined only where the FTS table's own match drives the scan, so products joins it.
    return textMatch(sql`select products.id as id, case when ${matching(`name : (${all})`)} then 2 else 0 end
        + case when ${matching(`name : (${exact})`)} then 1 else 0 end
        + case when ${matching(exact)} then 0.5 else 0 end
        + 0.4 * ${rank} / (1 + ${rank}) as score
      from products_fts join products on products.rowid = products_fts.rowid
      where products_fts match ${all} and ${FOR_SALE}`);
  },
  fuzzyProductMatches: (words) =>
    fuzzyWords(
      words,
      (spelling, name) => sql`word_similarity(${spelling}, ${name}) >= ${FUZZY_THRESHOLD}`,
      (all) => sql`max(${sql.join(all, sql`, `)})`,
    ),
  withFuzzyThreshold: (db, fn) => fn(db),
};

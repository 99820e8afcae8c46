/**
 * The SQL services need that is spelled differently on Postgres and SQLite, one implementation per
 * dialect, reached as `db.sql`. Services compose these fragments with plain Drizzle and never ask
 * which database they are on.
 *
 * Product search keeps here only what the dialects do differently; the catalog
 * (packages/api/src/catalog/search/) parses the text, scores, pages and corrects. `wordMatches`
 * finds the products for sale holding every word: Postgres reads its `product_terms` index
 * (schema/catalog/search-pg.ts) with its own parser and stemmer and ranks by how often the words
 * occur, a name's worth 2.5 of a description's or option values'; SQLite reads its FTS5 table and
 * ranks with bm25, name weighted ten times description and option values. Fuzzy matching's `word_similarity` is pg_trgm's on Postgres
 * and the same function in JavaScript on SQLite (trigram.ts); only how a name is found near a word
 * and how the threshold is set differ.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { productTerms } from "./schema/catalog/search-pg.ts";
import type { ProductStatus } from "./schema/enums.ts";

/** The words a search requires, as the catalog parsed them from the text typed. */
export interface WordQuery {
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
  /**
   * A select of the products for sale holding every word, one row each: `id`; whether every word
   * is in the name (`in_name`), and also with the half-typed word whole rather than a prefix
   * (`exact_in_name`), or whole anywhere (`exact`); and `rank`, at least 0, higher for more
   * occurrences.
   */
  wordMatches(query: WordQuery): SQL;
  /**
   * Whether `word_similarity(word, name)` reaches the threshold `withFuzzyThreshold` set: pg_trgm's
   * `<%`, served by the trigram index on the name, or the comparison itself on SQLite.
   */
  nearName(word: string, name: SQLWrapper, threshold: number): SQL<boolean>;
  /** Runs `fn` where `nearName` uses `threshold` (a transaction-local setting on Postgres). */
  withFuzzyThreshold<D extends Transactional<D>, T>(db: D, threshold: number, fn: (db: D) => Promise<T>): Promise<T>;
  /**
   * A scalar subquery: the rows `from` selects (a FROM clause and its conditions) as one JSON
   * array of objects in `orderBy`'s order, `[]` for none, each object `pairs` (key, value). Values
   * come as the driver gives them inside JSON; see json-rows.ts, which decodes them.
   */
  jsonArray(pairs: [key: string, value: SQLWrapper][], from: SQL, orderBy: SQL): SQL;
}

/** Keys are names in code, never input: checked, then written into the SQL as literals. */
const jsonPairs = (pairs: [string, SQLWrapper][]) =>
  sql.join(
    pairs.map(([key, value]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`not a JSON key for SQL: ${key}`);
      return sql`${sql.raw(`'${key}'`)}, ${value}`;
    }),
    sql`, `,
  );

/** The least text after every text that starts with `prefix` ("lamp" → "lamq"), in collation "C". */
const nextPrefix = (prefix: SQL) => sql`left(${prefix}, -1) || chr(ascii(right(${prefix}, 1)) + 1)`;

/** Whole words a Postgres search requires, each a bit of a 64-bit mask; later ones are ignored. */
const WHOLE_WORDS_MAX = 62;

// Each word holds only letters and digits, so quoting it keeps any input out of FTS5's syntax.
const ftsPhrase = (words: string[], prefix: boolean) => `"${words.join(" ")}"${prefix ? "*" : ""}`;

export const postgresSql: DialectSql = {
  least: (a, b) => sql<number>`least(${a}, ${b})`,
  greatest: (a, b) => sql<number>`greatest(${a}, ${b})`,
  wordMatches(text) {
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
    return sql`with whole_words as (
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
      select product_id as id, in_name = mask as in_name, exact_in_name = mask as exact_in_name,
        exact = mask as exact, hits as rank
      from found, required where words = mask`;
  },
  nearName: (word, name) => sql<boolean>`${word} <% ${name}`,
  withFuzzyThreshold: (db, threshold, fn) =>
    db.transaction(async (tx) => {
      await tx.run(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`);
      return fn(tx);
    }),
  jsonArray: (pairs, from, orderBy) =>
    sql`(select coalesce(json_agg(json_build_object(${jsonPairs(pairs)}) order by ${orderBy}), '[]') from ${from})`,
};

export const sqliteSql: DialectSql = {
  least: (a, b) => sql<number>`min(${a}, ${b})`,
  greatest: (a, b) => sql<number>`max(${a}, ${b})`,
  wordMatches(text) {
    const finished = text.words.map((group) => ftsPhrase(group, false));
    const all = [...finished, ...(text.prefix ? [ftsPhrase(text.prefix, true)] : [])].join(" ");
    const exact = [...finished, ...(text.prefix ? [ftsPhrase(text.prefix, false)] : [])].join(" ");
    const rank = sql`-bm25(products_fts, 10.0, 1.0, 1.0)`;
    const matching = (query: string) =>
      sql`products_fts.rowid in (select rowid from products_fts where products_fts match ${query})`;
    // bm25 is defined only where the FTS table's own match drives the scan, so products joins it.
    return sql`select products.id as id, ${matching(`name : (${all})`)} as in_name,
        ${matching(`name : (${exact})`)} as exact_in_name, ${matching(exact)} as exact, ${rank} as rank
      from products_fts join products on products.rowid = products_fts.rowid
      where products_fts match ${all} and ${FOR_SALE}`;
  },
  nearName: (word, name, threshold) => sql<boolean>`word_similarity(${word}, ${name}) >= ${threshold}`,
  withFuzzyThreshold: (db, _threshold, fn) => fn(db),
  jsonArray: (pairs, from, orderBy) =>
    sql`(select json_group_array(json_object(${jsonPairs(pairs)}) order by ${orderBy}) from ${from})`,
};

/**
 * The SQL services need that is spelled differently on Postgres and SQLite, one implementation per
 * dialect, reached as `db.sql`. Services compose these fragments with plain Drizzle and never ask
 * which database they are on.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/** Free text split the way a search box is typed. */
export interface SearchText {
  /** Every word (runs of letters and digits), in order. */
  words: string[];
  /** The text before the half-typed last word (all of it when there is none). */
  finished: string;
  /** The last word when it may still be being typed: no space after it, two letters or more. */
  prefix: string | null;
}

export interface DialectSql {
  /** Two-argument minimum. */
  least(a: SQLWrapper, b: SQLWrapper): SQL<number>;
  /** Two-argument maximum. */
  greatest(a: SQLWrapper, b: SQLWrapper): SQL<number>;
  /**
   * The products matching the text and how well, as a derived table `search_matches(product_id,
   * score)`, a higher score a better match.
   */
  productMatches(text: SearchText): SQL;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Postgres reads the finished words with `websearch_to_tsquery` (quoted phrases, `or` and `-word`
 * work; English stop words are ignored) and ranks with `ts_rank` over the weighted
 * `search_vector` (name A, description B).
 */
export const postgresSql: DialectSql = {
  least: (a, b) => sql<number>`least(${a}, ${b})`,
  greatest: (a, b) => sql<number>`greatest(${a}, ${b})`,
  productMatches(text) {
    const queries: SQL[] = [];
    if (HAS_WORD.test(text.finished)) queries.push(sql`websearch_to_tsquery('english', ${text.finished})`);
    // The prefix holds only letters and digits, so to_tsquery cannot read it as operators.
    if (text.prefix !== null) queries.push(sql`to_tsquery('english', ${`${text.prefix}:*`})`);
    const query = sql.join(queries, sql` && `);
    return sql`(select products.id as product_id,
        ts_rank('{0.1, 0.2, 0.4, 1.0}', products.search_vector, search_query.query) as score
      from products cross join (select ${query} as query) as search_query
      where products.search_vector @@ search_query.query) as search_matches`;
  },
};

/**
 * SQLite requires every word (each quoted, so no input is FTS5 syntax) and ranks with bm25 over
 * the FTS5 table of ./sqlite-extras.sql, name weighted ten times description.
 */
export const sqliteSql: DialectSql = {
  least: (a, b) => sql<number>`min(${a}, ${b})`,
  greatest: (a, b) => sql<number>`max(${a}, ${b})`,
  productMatches(text) {
    const terms = text.words.map((word, i) =>
      i === text.words.length - 1 && text.prefix !== null ? `"${word}"*` : `"${word}"`,
    );
    return sql`(select products.id as product_id, -bm25(products_fts, 10.0, 1.0) as score
      from products_fts join products on products.rowid = products_fts.rowid
      where products_fts match ${terms.join(" ")}) as search_matches`;
  },
};

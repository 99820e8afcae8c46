/**
 * The SQL services need that is spelled differently on Postgres and SQLite, one implementation per
 * dialect, reached as `db.sql`. Services compose these fragments with plain Drizzle and never ask
 * which database they are on.
 *
 * Product search: `productMatches` and `fuzzyProductMatches` return a `TextMatch`, a condition on
 * the `products` row (Postgres) or a table of matches to join to it (SQLite's FTS index), and a
 * score, higher for a better match, so the catalog's one query reads each product once. Scores are
 * tiered so the order reads the way a shopper expects: every word in the name (2) above words
 * found partly in the description; within each, the half-typed last word matching a whole word
 * (1 in the name, 0.5 anywhere) above matching only as a prefix of a longer word ("pen" puts
 * Fountain Pen above Pencil Set); then the dialect's own rank (below 0.5) within a tier. Postgres
 * ranks with `ts_rank` over the weighted `search_vector` (name A, description B); SQLite with
 * FTS5's bm25, name weighted ten times description.
 */
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

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

export interface TextMatch {
  /** A table to inner-join to `products`, and how (SQLite's FTS index), or null. */
  join: { table: SQL; on: SQL } | null;
  /** A condition on the `products` row, when the join alone does not decide. */
  where: SQL | undefined;
  score: SQL<number>;
}

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
  /** Products whose name or description holds every word of the text. */
  productMatches(text: SearchText): TextMatch;
  /**
   * Products whose name is close to every word by trigram similarity: pg_trgm's `<%`, served by
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
  return {
    join: null,
    where: sql.join(
      perWord.map((w) => w.near),
      sql` and `,
    ),
    score: sql<number>`(${sql.join(
      perWord.map((w) => w.best),
      sql` + `,
    )})`,
  };
}

// Each word holds only letters and digits, so quoting it keeps any input out of FTS5's syntax.
const ftsPhrase = (words: string[], prefix: boolean) => `"${words.join(" ")}"${prefix ? "*" : ""}`;

export const postgresSql: DialectSql = {
  least: (a, b) => sql<number>`least(${a}, ${b})`,
  greatest: (a, b) => sql<number>`greatest(${a}, ${b})`,
  productMatches(text) {
    const finished = text.words.length > 0 ? [sql`websearch_to_tsquery('english', ${text.finished})`] : [];
    // A hyphenated token is read as Postgres's parser reads "t-shirt"; a stop word ("be") stems to
    // nothing in English, so the prefix is also read unstemmed.
    const token = text.prefix?.join("-");
    const prefix =
      token === undefined
        ? []
        : [sql`(to_tsquery('english', ${`${token}:*`}) || to_tsquery('simple', ${`${token}:*`}))`];
    const whole = token === undefined ? [] : [sql`plainto_tsquery('english', ${token})`];
    // Each is folded to a constant when the query is planned, however often it is written.
    const query = sql`(${sql.join([...finished, ...prefix], sql` && `)})`;
    const exact = sql`(${sql.join([...finished, ...whole], sql` && `)})`;
    const vector = sql`products.search_vector`;
    return {
      join: null,
      where: sql`${vector} @@ ${query}`,
      score: sql<number>`(case when ts_filter(${vector}, '{a}') @@ ${query} then 2 else 0 end
        + case when ts_filter(${vector}, '{a}') @@ ${exact} then 1 else 0 end
        + case when ${vector} @@ ${exact} then 0.5 else 0 end
        + 0.4 * ts_rank('{0.1, 0.2, 0.4, 1.0}', ${vector}, ${query}, 32))`,
    };
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
      sql`rowid in (select rowid from products_fts where products_fts match ${query})`;
    // bm25 needs the FTS table to drive its own scan, so it is scored in a table of its own.
    const scored = sql`(select rowid, case when ${matching(`name : (${all})`)} then 2 else 0 end
        + case when ${matching(`name : (${exact})`)} then 1 else 0 end
        + case when ${matching(exact)} then 0.5 else 0 end
        + 0.4 * ${rank} / (1 + ${rank}) as score
      from products_fts where products_fts match ${all}) as search_matches`;
    return {
      join: { table: scored, on: sql`search_matches.rowid = products.rowid` },
      where: undefined,
      score: sql<number>`search_matches.score`,
    };
  },
  fuzzyProductMatches: (words) =>
    fuzzyWords(
      words,
      (spelling, name) => sql`word_similarity(${spelling}, ${name}) >= ${FUZZY_THRESHOLD}`,
      (all) => sql`max(${sql.join(all, sql`, `)})`,
    ),
  withFuzzyThreshold: (db, fn) => fn(db),
};

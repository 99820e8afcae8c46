/**
 * The one seam between the services and the two databases they run on. Services see a `Db`: a
 * Drizzle query builder typed for Postgres and the few operations whose SQL or semantics differ by
 * dialect (transactions and their locks, raw queries, the SQL fragments of ./dialect-sql.ts, the
 * job queue, constraint errors). Everything else is plain Drizzle and identical on every dialect.
 * Tables come from their owner's entry point (./tables/).
 */
import Database from "better-sqlite3";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg, type NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { type DialectSql, postgresSql, sqliteSql } from "./dialect-sql.ts";
import { graphileJobQueue, type JobQueue, recordingJobQueue } from "./job-queue.ts";
import { PreparingClient } from "./prepared-statements.ts";
import { wordSimilarity } from "./trigram.ts";

export type Dialect = "postgres" | "sqlite";
/**
 * Drizzle's Postgres query builder. On SQLite it is a SQLite Drizzle instance behind the same
 * type: the builder methods services use (select, insert … returning, onConflict…, update,
 * delete) behave alike, and the ones that do not live on `Db` itself. It carries no schema, so
 * there are no relational queries: a domain reaches tables only through its owner's entry point
 * (`@shopwright/db/tables/<owner>`).
 */
export type Orm = PgDatabase<NodePgQueryResultHKT>;

export interface Db {
  readonly dialect: Dialect;
  readonly orm: Orm;
  /** SQL spelled differently by dialect, for services to compose into their queries. */
  readonly sql: DialectSql;
  /** Where `@shopwright/jobs` enqueues; see ./job-queue.ts. Inside `transaction`, part of it. */
  readonly jobs: JobQueue;
  /** True inside `transaction`: nested calls join the open transaction. */
  readonly inTransaction: boolean;
  /**
   * Memory this handle keeps for the life of the process, shared with its transactions: for rules
   * kept under a version the database holds, so a copy is never used after another process moved it.
   */
  readonly memo: Map<symbol, unknown>;
  /** Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Inside `transaction`: other transactions taking the same key wait until this one ends (a
   * Postgres advisory lock). SQLite's write transactions run one at a time already.
   */
  lockKey(key: number): Promise<void>;
  /**
   * Inside `transaction`: other transactions writing to `table` (or locking it) wait until this
   * one ends, while plain reads go on. SQLite's write transactions run one at a time already.
   */
  lockTable(table: PgTable): Promise<void>;
  /** Runs raw SQL that returns rows. Column names come back as the SQL spells them. */
  execute<Row extends Record<string, unknown>>(query: SQL): Promise<Row[]>;
  /** Runs raw SQL that returns no rows. */
  run(query: SQL): Promise<void>;
  close(): Promise<void>;
}

const casing = "snake_case" as const;

function pgLike(orm: Orm, close: () => Promise<void>, memo = new Map<symbol, unknown>(), inTransaction = false): Db {
  async function execute<Row extends Record<string, unknown>>(query: SQL): Promise<Row[]> {
    // node-postgres types a row as its own QueryResultRow; the caller names the columns it selected.
    const result = await orm.execute<Row>(query);
    return result.rows as Row[];
  }
  return {
    dialect: "postgres",
    orm,
    sql: postgresSql,
    jobs: graphileJobQueue(execute),
    inTransaction,
    memo,
    transaction(fn) {
      if (inTransaction) return fn(this);
      return orm.transaction((tx) => fn(pgLike(tx, close, memo, true)));
    },
    async lockKey(key) {
      await orm.execute(sql`select pg_advisory_xact_lock(${key})`);
    },
    async lockTable(table) {
      await orm.execute(sql`lock table ${table} in share row exclusive mode`);
    },
    execute,
    async run(query) {
      await orm.execute(query);
    },
    close,
  };
}

export interface PostgresDb extends Db {
  readonly pool: pg.Pool;
}

export interface PoolOptions {
  max?: number;
  /**
   * The longest one statement may run before Postgres cancels it. A web request has nothing to
   * gain from waiting longer; bulk work (seeding a large catalog) passes 0 for no limit.
   */
  statementTimeoutMs?: number;
  /** The longest a query waits for a free connection (or to open one); by default 5 s. */
  connectionTimeoutMs?: number;
  /** Told apart in the logs of pool errors. */
  onError?: (error: Error) => void;
}

/** Statement timeout plus this margin: the driver gives up on a server that stopped answering at all. */
const QUERY_TIMEOUT_MARGIN_MS = 5_000;

/**
 * A node-postgres pool with the limits every connection of the shop needs: a statement timeout, a
 * client-side query timeout for a server that went silent, a bound on waiting for a connection,
 * and a session that idles inside a transaction ended by the server. A dropped connection (a
 * restarted server) is reported through `onError` and replaced on next use, never thrown into an
 * unrelated request.
 */
export function createPgPool(url: string, options: PoolOptions = {}): pg.Pool {
  const statementTimeout = options.statementTimeoutMs ?? 10_000;
  const pool = new pg.Pool({
    Client: PreparingClient,
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    statement_timeout: statementTimeout || undefined,
    query_timeout: statementTimeout ? statementTimeout + QUERY_TIMEOUT_MARGIN_MS : undefined,
    idle_in_transaction_session_timeout: 30_000,
    // A transaction holds one connection, and its reads often run together (`Promise.all`):
    // pipelined, they go out at once instead of each waiting for the one before it to answer.
    pipeline: true,
  });
  const report = options.onError ?? (() => undefined);
  pool.on("error", report);
  pool.on("connect", (client) => client.on("error", report));
  return pool;
}

/** A Postgres server reached with node-postgres; the embedded database is reached the same way. */
export function createPostgresDb(connection: string | pg.Pool, options: PoolOptions = {}): PostgresDb {
  const pool = typeof connection === "string" ? createPgPool(connection, options) : connection;
  const orm = drizzlePg({ client: pool, casing });
  return Object.assign(
    pgLike(orm, () => pool.end()),
    { pool },
  );
}

export interface SqliteDb extends Db {
  readonly client: Database.Database;
}

/**
 * SQLite through better-sqlite3, whose transactions must be synchronous. The seam owns them
 * instead: a promise queue lets one async transaction run at a time on the single connection.
 * SQLite is the test database, so its jobs go to a recording queue (`db.jobs.pending()`).
 */
export function createSqliteDb(filename = ":memory:"): SqliteDb {
  const client = new Database(filename);
  client.pragma("journal_mode = WAL");
  client.pragma("foreign_keys = ON");
  // pg_trgm's function, so fuzzy search runs the same SQL on both dialects.
  client.function("word_similarity", { deterministic: true }, (query, text) =>
    wordSimilarity(String(query), String(text)),
  );
  const sqliteOrm = drizzleSqlite({ client, casing });
  const orm = sqliteOrm as unknown as Orm;
  const jobs = recordingJobQueue();
  const memo = new Map<symbol, unknown>();
  let queue: Promise<unknown> = Promise.resolve();

  const make = (inTransaction: boolean, transactionJobs: JobQueue = jobs): Db => ({
    dialect: "sqlite",
    orm,
    sql: sqliteSql,
    jobs: transactionJobs,
    inTransaction,
    memo,
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTransaction) return fn(this);
      const run = async () => {
        const enqueued = jobs.transaction();
        client.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(make(true, enqueued));
          client.exec("COMMIT");
          enqueued.commit();
          return result;
        } catch (error) {
          client.exec("ROLLBACK");
          throw error;
        }
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async lockKey() {},
    async lockTable() {},
    async execute<Row extends Record<string, unknown>>(query: SQL) {
      return sqliteOrm.all(query) as Row[];
    },
    async run(query) {
      sqliteOrm.run(query);
    },
    async close() {
      client.close();
    },
  });
  return Object.assign(make(false), { client });
}

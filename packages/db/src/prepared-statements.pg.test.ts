/**
 * The shop's pool prepares each parameterised statement once per connection, and still runs what
 * cannot be prepared: a script of several statements.
 */
import { afterAll, expect, it } from "vitest";
import { createPgPool } from "./client.ts";
import { testDatabaseUrl } from "./testing/index.ts";

const pool = createPgPool(testDatabaseUrl(), { max: 1 });
afterAll(() => pool.end());

const prepared = async () =>
  (await pool.query("select statement from pg_prepared_statements order by statement")).rows.map(
    (row) => row.statement,
  );

it("prepares a statement with parameters once and reuses it, whatever its values", async () => {
  const text = "select $1::int + $2::int as sum";
  expect((await pool.query(text, [1, 2])).rows).toEqual([{ sum: 3 }]);
  expect((await pool.query({ text, values: [40, 2] })).rows).toEqual([{ sum: 42 }]);
  expect(await prepared()).toEqual([text]);
});

it("runs a script of statements without parameters as it is", async () => {
  const results = await pool.query(
    "create temporary table scratch (n int); insert into scratch values (7); select n from scratch",
  );
  expect((results as unknown as { rows: unknown[] }[]).at(-1)!.rows).toEqual([{ n: 7 }]);
});

it("runs a transaction's concurrent statements on its one connection, each answer to its own caller, without pg's deprecation", async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  const client = await pool.connect();
  try {
    await client.query("begin");
    const sums = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client.query("select $1::int * 2 as twice", [i])),
    );
    expect(sums.map((result) => result.rows[0].twice)).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
    // One statement failing fails the transaction, and only the statements sent after it.
    const settled = await Promise.allSettled([
      client.query("select $1::int as one", [1]),
      client.query("select 1 / $1::int as broken", [0]),
      client.query("select $1::int as three", [3]),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "rejected"]);
    await client.query("rollback");
  } finally {
    client.release();
  }
  // The connection is whole for the next caller.
  expect((await pool.query("select $1::text as word", ["fine"])).rows).toEqual([{ word: "fine" }]);
  await new Promise((resolve) => setImmediate(resolve));
  process.off("warning", onWarning);
  expect(warnings.map((w) => w.message)).toEqual([]);
});

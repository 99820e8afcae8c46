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

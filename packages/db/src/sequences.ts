/**
 * Order numbers come from a database sequence, so concurrent checkouts on any number of servers
 * never draw the same one. Postgres has `order_number_seq`; SQLite, which has no sequences, bumps a
 * counter row (its writers are serialised, so the upsert is atomic).
 */
import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";

const FIRST_ORDER_NUMBER = 1001;

export async function nextOrderNumber(db: Db): Promise<number> {
  const [row] =
    db.dialect === "sqlite"
      ? await db.execute<{ value: number }>(
          sql`insert into sequences (name, value) values ('order_number', ${FIRST_ORDER_NUMBER})
              on conflict (name) do update set value = value + 1 returning value`,
        )
      : await db.execute<{ value: string }>(sql`select nextval('order_number_seq') as value`);
  if (!row) throw new Error("the order number sequence returned nothing");
  return Number(row.value);
}

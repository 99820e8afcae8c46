/** What must hold of the orders after processes died under shoppers, read straight from Postgres. */
import type { Db } from "@shopwright/db";
import { sql } from "drizzle-orm";

/** Orders missing a part a committed checkout always writes: items, a payment, a status entry. */
export async function brokenOrders(db: Db): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select o.id from orders o
    where not exists (select 1 from order_items i where i.order_id = o.id)
       or not exists (select 1 from payments p where p.order_id = o.id)
       or not exists (select 1 from order_status_history h where h.order_id = o.id)`);
  return rows.map((row) => row.id);
}

/** A product's stock now (all its variants') plus every unit ordered: its stock before the first order. */
export async function stockPlusOrdered(db: Db, productId: string): Promise<number> {
  const [row] = await db.execute<{ stock: string; ordered: string }>(sql`
    select (select sum(v.stock) from product_variants v where v.product_id = p.id) as stock,
      coalesce((select sum(i.quantity) from order_items i where i.product_id = p.id), 0) as ordered
    from products p where p.id = ${productId}`);
  return Number(row!.stock) + Number(row!.ordered);
}

/**
 * The back office's orders as CSV, for a spreadsheet or the accountant: one row per order with
 * every part of its total as the order stored it, so the export agrees with the order page, the
 * receipt and the payment to the cent.
 */
import type { Db, OrderPricing } from "@shopwright/db";
import { ordersTables } from "@shopwright/db/tables/orders";
import { desc } from "drizzle-orm";
import { customerNameColumns, customerNameOf, type OrderFilter, orderConditions } from "./queries.ts";

/** One export holds at most this many orders, newest first; a narrower filter reaches older ones. */
export const EXPORT_LIMIT = 10_000;

const HEADER = [
  "number",
  "placed_at_utc",
  "email",
  "customer",
  "status",
  "subtotal",
  "discount",
  "discount_code",
  "shipping",
  "shipping_method",
  "tax",
  "tax_included",
  "total",
];

export async function ordersCsv(db: Db, filter: Omit<OrderFilter, "userId" | "page" | "pageSize">) {
  const { orders } = ordersTables(db);
  const rows = await db.orm
    .select({
      number: orders.number,
      createdAt: orders.createdAt,
      email: orders.email,
      ...customerNameColumns(db),
      status: orders.status,
      subtotalCents: orders.subtotalCents,
      discountCents: orders.discountCents,
      shippingCents: orders.shippingCents,
      taxCents: orders.taxCents,
      totalCents: orders.totalCents,
      pricing: orders.pricing,
    })
    .from(orders)
    .where(orderConditions(db, filter))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(EXPORT_LIMIT);
  const lines = rows.map(customerNameOf).map((row) => {
    const pricing: OrderPricing | null = row.pricing;
    return [
      String(row.number),
      row.createdAt.toISOString(),
      row.email,
      row.customerName,
      row.status,
      decimal(row.subtotalCents),
      decimal(row.discountCents),
      pricing?.discount?.code ?? "",
      decimal(row.shippingCents),
      pricing?.shippingMethod?.name ?? "",
      decimal(row.taxCents),
      pricing?.taxIncluded ? "yes" : "no",
      decimal(row.totalCents),
    ];
  });
  return { rows: rows.length, csv: [HEADER, ...lines].map((fields) => fields.map(csvField).join(",")).join("\r\n") };
}

/** 5549 → "55.49", in integers, so no float ever touches an amount. */
function decimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const whole = Math.abs(cents);
  return `${sign}${Math.trunc(whole / 100)}.${String(whole % 100).padStart(2, "0")}`;
}

/**
 * RFC 4180 quoting, and a leading apostrophe for text a spreadsheet would run as a formula
 * (a customer named "=HYPERLINK(…)"), since names and emails are typed by anyone.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+\.\d{2}$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

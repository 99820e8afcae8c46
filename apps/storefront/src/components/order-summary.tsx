import { formatCents } from "@shopwright/ui/money";
import { type MoneyParts, moneyRows } from "@shopwright/ui/money-rows";
import { formatVariantOptions, type VariantOptions } from "@shopwright/ui/variant-options";
import type { ReactNode } from "react";
import styles from "../pages/page.module.css";

/**
 * What an order comes to, line by line and part by part (discount, shipping, tax): on checkout
 * before paying and on the order's page after. `children` go under the total (the Pay button, the
 * address it ships to).
 */
export function OrderSummary({
  title,
  lines,
  totals,
  children,
  before,
}: {
  title: string;
  lines: { key: string; name: string; options: VariantOptions; quantity: number; totalCents: number }[];
  totals: MoneyParts;
  /** Above the lines: what needs fixing before checkout. */
  before?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className={styles.panel} aria-labelledby="order-summary-title">
      <h2 id="order-summary-title">{title}</h2>
      {before}
      {lines.map((line) => (
        <div key={line.key} className={styles.summaryRow}>
          <span>
            {line.name} × {line.quantity}
            {Object.keys(line.options).length > 0 && (
              <span className={styles.lineOptions}>{formatVariantOptions(line.options)}</span>
            )}
          </span>
          <span>{formatCents(line.totalCents)}</span>
        </div>
      ))}
      {moneyRows(totals).map((row) => (
        <div key={row.kind} className={`${styles.summaryRow} ${row.kind === "total" ? styles.total : ""}`}>
          <span>{row.label}</span>
          <span data-testid={`order-${row.kind}`}>{formatCents(row.cents)}</span>
        </div>
      ))}
      {children}
    </section>
  );
}

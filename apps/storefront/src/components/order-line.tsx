import { formatCents } from "@shopwright/ui/money";
import styles from "../pages/page.module.css";

/** One line of an order or a checkout summary: "Lamp × 2 … $50.00". */
export function OrderLine({ name, quantity, totalCents }: { name: string; quantity: number; totalCents: number }) {
  return (
    <div className={styles.summaryRow}>
      <span>
        {name} × {quantity}
      </span>
      <span>{formatCents(totalCents)}</span>
    </div>
  );
}

/** Who changed this, and when: the audit log entries of one product or order, newest first. */
import { formatDateTime } from "@shopwright/ui/date";
import { humanize } from "../lib/humanize.ts";
import type { AuditEntry } from "../lib/types.ts";
import styles from "./audit-trail.module.css";
import { Card, Muted } from "./page.tsx";

/** `{ price: { from: 1, to: 2 } }` → "price: 1 → 2"; anything else as compact JSON. */
function describe(details: AuditEntry["details"]): string {
  if (!details) return "";
  return Object.entries(details)
    .map(([key, value]) => {
      if (value && typeof value === "object" && "from" in value && "to" in value) {
        return `${key}: ${JSON.stringify(value.from)} → ${JSON.stringify(value.to)}`;
      }
      return `${key}: ${JSON.stringify(value)}`;
    })
    .join(" · ");
}

export function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  return (
    <Card title="Audit log">
      {entries.length === 0 ? (
        <Muted>No admin has changed this yet.</Muted>
      ) : (
        <ol className={styles.list} aria-label="Audit log">
          {entries.map((entry) => (
            <li key={entry.id} className={styles.entry}>
              <time className={styles.when} dateTime={new Date(entry.createdAt).toISOString()}>
                {formatDateTime(entry.createdAt)}
              </time>
              <div className={styles.what}>
                <strong>{humanize(entry.action)}</strong> by {entry.actorEmail ?? "a deleted user"}
                <div className={styles.details}>{describe(entry.details)}</div>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

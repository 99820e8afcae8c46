/** The building blocks every page shares: its header, cards, notices. */
import { errorMessage } from "@shopwright/client";
import { ErrorNotice } from "@shopwright/ui/error-notice";
import type { ReactNode } from "react";
import styles from "./page.module.css";

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className={styles.header}>
      <div>
        <h1 className={styles.title}>{title}</h1>
        {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </header>
  );
}

export function Card({ title, children, actions }: { title?: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className={styles.card} aria-label={title}>
      {(title || actions) && (
        <div className={styles.cardHeader}>
          {title && <h2 className={styles.cardTitle}>{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

export function Notice({ tone, children }: { tone: "error" | "success" | "info"; children: ReactNode }) {
  return (
    <div className={`${styles.notice} ${styles[tone]}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** Something failed to load: why, in words ("We can't reach the shop…"), and Try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return <ErrorNotice message={errorMessage(error)} onRetry={onRetry} />;
}

/** Labels and values, two columns: pass `<dt>` and `<dd>` pairs. */
export const Facts = ({ children }: { children: ReactNode }) => <dl className={styles.facts}>{children}</dl>;

export const Muted = ({ children }: { children: ReactNode }) => <span className={styles.muted}>{children}</span>;

/** Search and filter controls above a table. */
export const Toolbar = ({ children, label }: { children: ReactNode; label: string }) => (
  <search className={styles.toolbar} aria-label={label}>
    {children}
  </search>
);

/** A page's main column with its side panel beside it (below it on a phone). */
export const MainAndSide = ({ children }: { children: ReactNode }) => (
  <div className={styles.mainAndSide}>{children}</div>
);

export const Grid = ({ children }: { children: ReactNode }) => <div className={styles.grid}>{children}</div>;

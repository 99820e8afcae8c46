import type { CSSProperties, ReactNode } from "react";
import styles from "./skeleton.module.css";

/** A placeholder with the size of what is loading, so the page does not jump when it arrives. */
export function Skeleton({
  width = "100%",
  height = "1em",
  style,
}: {
  width?: string;
  height?: string;
  style?: CSSProperties;
}) {
  return <span aria-hidden="true" className={styles.skeleton} style={{ width, height, ...style }} />;
}

/** Keys for a row of placeholders (they never reorder, but React still wants stable keys). */
export function placeholderKeys(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `placeholder-${i}`);
}

/** Marks a region as loading for assistive technology while its skeleton shows. */
export function Loading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {children}
    </div>
  );
}

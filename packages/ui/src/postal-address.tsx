import styles from "./postal-address.module.css";

/**
 * An address as written on a parcel, one line each: pass `addressLines(address)` from
 * @shopwright/client/address, which writes it as the post of its country reads it (the emails
 * write it with the same function).
 */
export function PostalAddress({ lines }: { lines: readonly string[] }) {
  return <address className={styles.address}>{lines.join("\n")}</address>;
}

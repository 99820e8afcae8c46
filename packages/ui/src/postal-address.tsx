import styles from "./postal-address.module.css";

export interface Address {
  name: string;
  line1: string;
  line2?: string | null | undefined;
  postalCode: string;
  city: string;
  country: string;
}

/** An address as written on a parcel, one part per line (the order-confirmation email writes it the same way). */
export function PostalAddress({ address }: { address: Address }) {
  const lines = [address.name, address.line1, address.line2, `${address.postalCode} ${address.city}`, address.country];
  return <address className={styles.address}>{lines.filter(Boolean).join("\n")}</address>;
}

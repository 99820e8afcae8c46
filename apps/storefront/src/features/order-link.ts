/**
 * What this tab remembers of a guest's order, in sessionStorage (kept to the tab, forgotten when it
 * closes): the payment provider brings a guest back to the order-link page without the token (it
 * is never handed the token), and the order's answer does not name the email it was placed with,
 * which the offer to make an account fills in.
 */
import { useEffect } from "react";
import { useNavigate } from "react-router";
import { useLinkToken } from "../lib/link-token.ts";

const LINK_KEY = "sw_order_link";
const CHECKOUT_KEY = "sw_guest_checkout";

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Storage can be unavailable (private mode); the emailed link still opens the order.
  }
}

/** The order link this tab last opened or was given at a guest checkout. */
export function rememberOrderLink(token: string): void {
  write(LINK_KEY, token);
}

/** A guest checkout's order and the email it was placed with. */
export function rememberGuestCheckout(orderId: string, email: string): void {
  write(CHECKOUT_KEY, JSON.stringify({ orderId, email }));
}

/** The email this tab placed the order with as a guest, if it did. */
export function guestCheckoutEmail(orderId: string): string | undefined {
  try {
    const placed = JSON.parse(read(CHECKOUT_KEY) ?? "null") as { orderId?: unknown; email?: unknown } | null;
    return placed?.orderId === orderId && typeof placed.email === "string" ? placed.email : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The order link's token: the one in the address (remembered for the way back from paying again),
 * else the one this tab remembers, which is then put in the address so a reload or a bookmark
 * keeps the order.
 */
export function useOrderLinkToken(): string {
  const inAddress = useLinkToken();
  const token = inAddress || read(LINK_KEY) || "";
  const navigate = useNavigate();
  useEffect(() => {
    if (inAddress) rememberOrderLink(inAddress);
    else if (token) navigate({ hash: new URLSearchParams({ token }).toString() }, { replace: true });
  }, [inAddress, token, navigate]);
  return token;
}

/**
 * The order link this tab remembers, in sessionStorage (kept to the tab, forgotten when it closes):
 * the payment provider brings a guest back to the order-link page without the token (it is never
 * handed the token).
 */
import { useEffect } from "react";
import { useNavigate } from "react-router";
import { useLinkToken } from "../lib/link-token.ts";

const KEY = "sw_order_link";

/** The order link this tab last opened or was given at a guest checkout. */
export function rememberOrderLink(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage can be unavailable (private mode); the emailed link still opens the order.
  }
}

function rememberedOrderLink(): string {
  try {
    return sessionStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

/**
 * The order link's token: the one in the address (remembered for the way back from paying again),
 * else the one this tab remembers, which is then put in the address so a reload or a bookmark
 * keeps the order.
 */
export function useOrderLinkToken(): string {
  const inAddress = useLinkToken();
  const token = inAddress || rememberedOrderLink();
  const navigate = useNavigate();
  useEffect(() => {
    if (inAddress) rememberOrderLink(inAddress);
    else if (token) navigate({ hash: new URLSearchParams({ token }).toString() }, { replace: true });
  }, [inAddress, token, navigate]);
  return token;
}

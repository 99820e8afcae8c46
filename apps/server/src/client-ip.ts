import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's address. `X-Forwarded-For` is honoured only for the number of proxies the operator
 * declared (TRUST_PROXY): each trusted proxy appends the address it saw, so the client is that many
 * entries from the right. Anything further left is whatever the client chose to send.
 */
export function clientIp(c: Context, trustedProxies: number): string {
  const socketIp = peerAddress(c);
  if (trustedProxies === 0) return socketIp;
  const forwarded = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedProxies] ?? socketIp;
}

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket
    return "127.0.0.1";
  }
}

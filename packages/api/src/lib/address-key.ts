/**
 * The address a limit counts against. An IPv4 address is one host; an IPv6 host is normally handed
 * a whole /64, so counting single IPv6 addresses would give one client 2^64 fresh addresses to
 * rotate through. IPv6 addresses are therefore counted by their /64 prefix.
 */
import { isIPv4, isIPv6 } from "node:net";

export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip.ts";

const appTrusting = (proxies: number) => new Hono().get("/", (c) => c.text(clientIp(c, proxies)));
const ipSeenBy = async (proxies: number, forwardedFor?: string) =>
  (
    await appTrusting(proxies).request("/", { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} })
  ).text();

describe("clientIp", () => {
  it("ignores X-Forwarded-For unless a proxy is trusted, so a spoofed header does not count", async () => {
    expect(await ipSeenBy(0, "6.6.6.6")).toBe("127.0.0.1");
  });

  it("takes the address the trusted proxy appended, not what the client sent before it", async () => {
    expect(await ipSeenBy(1, "6.6.6.6, 198.51.100.4")).toBe("198.51.100.4");
    expect(await ipSeenBy(2, "6.6.6.6, 198.51.100.4, 10.0.0.2")).toBe("198.51.100.4");
  });
});

import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key.ts";

describe("addressKey", () => {
  it("keeps an IPv4 address, also when it comes IPv4-mapped", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts an IPv6 address by its /64, however it is written", () => {
    const key = "2001:db8:85a3:0::/64";
    expect(addressKey("2001:db8:85a3::8a2e:370:7334")).toBe(key);
    expect(addressKey("2001:0db8:85a3:0000:ffff:ffff:ffff:ffff")).toBe(key);
    expect(addressKey("2001:DB8:85A3::1")).toBe(key);
    expect(addressKey("2001:db8:85a4::1")).not.toBe(key);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });

  it("passes through what is not an address (a test's label, 'unknown')", () => {
    expect(addressKey("unknown")).toBe("unknown");
  });
});

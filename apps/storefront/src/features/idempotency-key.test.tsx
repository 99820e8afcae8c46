import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useIdempotencyKey } from "./idempotency-key.ts";

describe("useIdempotencyKey", () => {
  it("keeps one key for a repeated request and makes a new one when the request changes", () => {
    let n = 0;
    const { result, rerender } = renderHook(() => useIdempotencyKey(() => `key-${++n}`));
    const order = { address: { city: "London" }, lines: [["prod_1", 2]] };

    const first = result.current(order);
    rerender();
    expect(result.current({ ...order })).toBe(first);
    expect(result.current(order)).toBe(first);

    const changed = result.current({ ...order, address: { city: "Paris" } });
    expect(changed).not.toBe(first);
    expect(result.current({ ...order, address: { city: "Paris" } })).toBe(changed);
  });
});

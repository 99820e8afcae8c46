import { describe, expect, it } from "vitest";
import { adminRoutes, storefrontRoutes } from "./routes.ts";

describe("routes", () => {
  it("builds a page's path from its pattern, encoding each param", () => {
    expect(storefrontRoutes.order.path).toBe("/orders/:id");
    expect(storefrontRoutes.order.href({ id: "ord_01J" })).toBe("/orders/ord_01J");
    expect(storefrontRoutes.product.href({ slug: "mugs & cups/blue" })).toBe("/p/mugs%20%26%20cups%2Fblue");
    expect(adminRoutes.product.href({ id: "prod_1" })).toBe("/products/prod_1");
    expect(storefrontRoutes.cart.href()).toBe("/cart");
    expect(storefrontRoutes.orderLink.href()).toBe("/my-order");
    expect(storefrontRoutes.findOrder.href()).toBe("/find-order");
  });
});

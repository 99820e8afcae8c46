import type { RouterOutputs } from "@shopwright/client";

type Admin = RouterOutputs["admin"];
export type ProductDetail = Admin["products"]["byId"];
export type CategoryNode = Admin["categories"]["list"][number];
export type OrderDetail = Admin["orders"]["byId"];
export type OrderStatus = OrderDetail["status"];
export type AuditEntry = ProductDetail["audit"][number];
export type ShippingZone = Admin["shipping"]["listZones"][number];
export type TaxSettings = Admin["taxes"]["get"];
export type DiscountCode = Admin["discounts"]["list"][number];

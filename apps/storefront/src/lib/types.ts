/** The API's shapes as the storefront uses them, all derived from the router's outputs. */
import type { RouterInputs, RouterOutputs } from "@shopwright/client";

export type Category = RouterOutputs["catalog"]["categories"][number];
export type SearchResult = RouterOutputs["catalog"]["search"];
export type ProductSummary = SearchResult["items"][number];
export type Product = RouterOutputs["catalog"]["product"];
export type Cart = RouterOutputs["cart"]["get"];
export type CartItem = Cart["items"][number];
export type Order = RouterOutputs["orders"]["byId"];
export type OrderStatus = Order["status"];
export type Me = RouterOutputs["auth"]["me"];
export type CheckoutInput = RouterInputs["orders"]["checkout"];
export type Address = NonNullable<RouterInputs["auth"]["updateProfile"]["shippingAddress"]>;

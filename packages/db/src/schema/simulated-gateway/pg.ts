/** Not the shop's: the simulated payment provider (apps/server/src/mockpay) keeps its books here. */
import { pgTable, text } from "drizzle-orm/pg-core";
import { cents, createdAt, updatedAt } from "../columns/pg.ts";
import { gatewayPaymentStatuses, gatewayRefundStatuses } from "../enums.ts";

/** The simulated provider's own books; the shop never reads them (it only talks HTTP to it). */
export const gatewayPayments = pgTable("gateway_payments", {
  id: text().primaryKey(),
  merchantReference: text().notNull().unique(),
  orderId: text().notNull(),
  /** What the hosted page tells the shopper they are paying for, as the merchant worded it. */
  description: text().notNull().default(""),
  amountCents: cents().notNull(),
  status: text({ enum: gatewayPaymentStatuses }).notNull(),
  returnUrl: text().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The simulated provider's refunds of its captured payments, one per merchant reference. */
export const gatewayRefunds = pgTable("gateway_refunds", {
  id: text().primaryKey(),
  /** The shop's refund id: its idempotency key for the call. */
  merchantReference: text().notNull().unique(),
  paymentId: text()
    .notNull()
    .references(() => gatewayPayments.id),
  amountCents: cents().notNull(),
  reason: text().notNull().default(""),
  status: text({ enum: gatewayRefundStatuses }).notNull(),
  failureReason: text(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

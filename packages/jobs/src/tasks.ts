/**
 * The task list's payloads, checked when a job is enqueued and again when it runs (a job queued
 * by an older release may not match today's types). Every payload may carry the id of the
 * request that caused it, so its logs can be traced back.
 */
import type { Task } from "graphile-worker";
import { z } from "zod";

const traced = { requestId: z.string().optional() };

export const taskPayloads = {
  /**
   * `seed` derives the order link a guest's confirmation carries (orders/order-links.ts), so the
   * job holds no token; an account's order is linked to its page and leaves the seed unused.
   */
  send_order_confirmation: z.object({ orderId: z.string().min(1), seed: z.string().min(1).optional(), ...traced }),
  /**
   * "Find my order": the job looks the order up by `email` and `number`, so the request answers
   * alike whether they match, and emails a link derived from `seed` only when they do.
   */
  send_order_link: z.object({
    email: z.string().min(1),
    number: z.number().int(),
    seed: z.string().min(1),
    ...traced,
  }),
  /**
   * The link's token is derived from `seed` with a server secret, so neither the job nor the table
   * holds it; the job does the lookup, so the request answers alike for unknown addresses.
   */
  send_password_reset: z.object({
    email: z.string().min(1),
    seed: z.string().min(1),
    requestedAt: z.iso.datetime(),
    ...traced,
  }),
  /** The token is derived from `seed` as for the reset link; auth recorded its hash when asked. */
  send_email_verification: z.object({ userId: z.string().min(1), seed: z.string().min(1), ...traced }),
  /** Tells an account's current address that a change to `newEmail` was asked for. */
  send_email_change_notice: z.object({
    noticeId: z.string().min(1),
    email: z.string().min(1),
    newEmail: z.string().min(1),
    ...traced,
  }),
  deliver_payment_webhook: z.object({ eventId: z.string().min(1), ...traced }),
  expire_unpaid_order: z.object({ orderId: z.string().min(1), ...traced }),
  void_order_payments: z.object({ orderId: z.string().min(1), ...traced }),
  /** Asks the provider for a refund the admin recorded; the provider is idempotent on the refund id. */
  request_refund: z.object({ refundId: z.string().min(1), ...traced }),
  /** Tells the shopper a refund went through; one per refund. */
  send_refund_email: z.object({ refundId: z.string().min(1), ...traced }),
  send_order_status_email: z.object({
    orderId: z.string().min(1),
    status: z.enum(["shipped", "delivered", "cancelled"]),
    ...traced,
  }),
  /** A tracking number added or corrected after shipping; sent only while it is still the order's. */
  send_order_tracking_email: z.object({ orderId: z.string().min(1), trackingNumber: z.string().min(1), ...traced }),
  cleanup_abandoned_carts: z.object({ ...traced }),
  prune_expired_records: z.object({ ...traced }),
  make_image_variants: z.object({ imageId: z.string().min(1), ...traced }),
} as const;

export type TaskName = keyof typeof taskPayloads;

/**
 * How many times each task runs before its job is permanently failed (the dead letters the admin
 * app lists). Between attempts graphile-worker waits exp(min(attempts, 10)) seconds.
 */
export const taskMaxAttempts: Record<TaskName, number> = {
  // 15 attempts ride out about a day and a half of SMTP outage before a human is needed.
  send_order_confirmation: 15,
  deliver_payment_webhook: 12,
  expire_unpaid_order: 10,
  void_order_payments: 12,
  request_refund: 12,
  send_refund_email: 15,
  send_order_status_email: 15,
  send_order_tracking_email: 15,
  send_password_reset: 5,
  send_email_verification: 5,
  send_email_change_notice: 5,
  send_order_link: 5,
  cleanup_abandoned_carts: 3,
  prune_expired_records: 3,
  // A failure here is a damaged original or unreachable storage: a few retries, then a human.
  make_image_variants: 5,
};
export type TaskPayload<T extends TaskName> = z.input<(typeof taskPayloads)[T]>;

/** Every task's payload, derived from `taskPayloads`, so a task is named in one place. */
type TaskPayloads = { [T in TaskName]: TaskPayload<T> };

declare global {
  namespace GraphileWorker {
    interface Tasks extends TaskPayloads {}
  }
}

/**
 * Handlers for some of the task list, keyed by task name; the worker merges every domain's. The
 * worker checks each payload against its schema first, so a handler receives it typed (a handler
 * written as a plain `Task`, taking `unknown`, fits too).
 */
export type TaskHandlers = { [K in TaskName]?: Task<K> };

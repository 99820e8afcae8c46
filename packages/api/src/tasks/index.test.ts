import type { Db } from "@shopwright/db";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer } from "../notifications/mailer.ts";
import { testConfig } from "../testing/index.ts";
import { createTaskHandlers } from "./index.ts";

describe(`task composition on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("merges every domain's handlers and refuses two handlers for one task", () => {
    const deps = { db, config: testConfig, mailer: createSmtpMailer("smtp://127.0.0.1:2525") };
    const deliver = async () => undefined;
    const handlers = createTaskHandlers(deps, [{ deliver_payment_webhook: deliver }]);
    expect(Object.keys(handlers).sort()).toEqual([
      "cleanup_abandoned_carts",
      "deliver_payment_webhook",
      "expire_unpaid_order",
      "make_image_variants",
      "prune_expired_records",
      "request_refund",
      "send_email_change_notice",
      "send_email_verification",
      "send_order_confirmation",
      "send_order_link",
      "send_order_status_email",
      "send_order_tracking_email",
      "send_password_reset",
      "send_refund_email",
      "void_order_payments",
    ]);
    expect(() => createTaskHandlers(deps, [{ send_order_confirmation: deliver }])).toThrow(
      "Two domains handle the task send_order_confirmation",
    );
  });
});

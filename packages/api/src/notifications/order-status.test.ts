import type { Db } from "@shopwright/db";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { queuedJobs } from "@shopwright/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser, testConfig } from "../testing/index.ts";
import { sendOrderStatusEmail, sendOrderTrackingEmail } from "./order-status.ts";
import { recordingMailer } from "./testing/mailer.ts";
import { insertTestOrder } from "./testing/orders.ts";

describe(`order status emails on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  async function statusJobs(orderId: string) {
    return (await queuedJobs(db, "send_order_status_email"))
      .filter((j) => j.payload.orderId === orderId)
      .map((j) => j.payload.status);
  }

  it("enqueues one email per transition and tells the customer the tracking number, once", async () => {
    const { orderId, number, email } = await insertTestOrder(db);
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await admin.admin.orders.setStatus({ id: orderId, status: "processing" });
    expect(await statusJobs(orderId)).toEqual([]);
    const shipped = await admin.admin.orders.setStatus({
      id: orderId,
      status: "shipped",
      trackingNumber: "1Z 999 AA1 0123 4567 84",
    });
    expect(shipped.trackingNumber).toBe("1Z 999 AA1 0123 4567 84");
    await admin.admin.orders.setStatus({ id: orderId, status: "delivered" });
    expect(await statusJobs(orderId)).toEqual(["shipped", "delivered"]);

    const mailer = recordingMailer();
    const deps = { db, config: testConfig, mailer };
    expect(await sendOrderStatusEmail(deps, orderId, "shipped")).toMatchObject({ status: "sent" });
    expect(await sendOrderStatusEmail(deps, orderId, "shipped")).toEqual({ status: "already_sent" });
    await sendOrderStatusEmail(deps, orderId, "delivered");
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([
      [email, `Your order #${number} has shipped`],
      [email, `Your order #${number} has been delivered`],
    ]);
    expect(mailer.sent[0]?.text).toContain("Tracking number: 1Z 999 AA1 0123 4567 84");
    expect(mailer.sent[0]?.html).toContain("12 St James&#39;s Square");
    expect(mailer.sent[1]?.text).not.toContain("Tracking number");
  });

  it("tells the customer about a cancellation", async () => {
    const { orderId, number } = await insertTestOrder(db);
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await admin.admin.orders.setStatus({ id: orderId, status: "cancelled" });
    expect(await statusJobs(orderId)).toEqual(["cancelled"]);
    const mailer = recordingMailer();
    await sendOrderStatusEmail({ db, config: testConfig, mailer }, orderId, "cancelled");
    expect(mailer.sent[0]?.subject).toBe(`Your order #${number} has been cancelled`);
    expect(mailer.sent[0]?.text).toContain("$69.99");
  });

  it("refuses a tracking number on anything but shipping, and a malformed one, changing nothing", async () => {
    const { orderId } = await insertTestOrder(db);
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await expect(
      admin.admin.orders.setStatus({ id: orderId, status: "processing", trackingNumber: "ABC123" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await admin.admin.orders.setStatus({ id: orderId, status: "processing" });
    await expect(
      admin.admin.orders.setStatus({ id: orderId, status: "shipped", trackingNumber: "<script>" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const after = await admin.admin.orders.byId({ id: orderId });
    expect(after).toMatchObject({ status: "processing", trackingNumber: null });
  });

  it("adds or corrects a shipped order's tracking number, and one email tells the customer the latest", async () => {
    const { orderId, number, email } = await insertTestOrder(db);
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    await expect(admin.admin.orders.setTracking({ id: orderId, trackingNumber: "1Z999" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A tracking number is given when the order ships: use Mark shipped",
    });
    await admin.admin.orders.setStatus({ id: orderId, status: "processing" });
    // Shipped without a number, as a merchant may (a letter, a local courier)…
    await admin.admin.orders.setStatus({ id: orderId, status: "shipped" });
    // …then added, mistyped, and corrected before the email went out.
    await admin.admin.orders.setTracking({ id: orderId, trackingNumber: "1Z999AA1012345678" });
    const corrected = await admin.admin.orders.setTracking({ id: orderId, trackingNumber: " 1Z999AA10123456784 " });
    expect(corrected.trackingNumber).toBe("1Z999AA10123456784");
    expect(corrected.audit.map((entry) => entry.action)).toContain("order.tracking_changed");

    const jobs = (await queuedJobs(db, "send_order_tracking_email")).filter((j) => j.payload.orderId === orderId);
    expect(jobs.map((j) => j.payload.trackingNumber)).toEqual(["1Z999AA10123456784"]);
    const mailer = recordingMailer();
    const deps = { db, config: testConfig, mailer };
    expect(await sendOrderTrackingEmail(deps, orderId, "1Z999AA1012345678")).toEqual({ status: "superseded" });
    expect(await sendOrderTrackingEmail(deps, orderId, "1Z999AA10123456784")).toMatchObject({ status: "sent" });
    expect(await sendOrderTrackingEmail(deps, orderId, "1Z999AA10123456784")).toEqual({ status: "already_sent" });
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([[email, `Tracking for your order #${number}`]]);
    expect(mailer.sent[0]?.text).toContain("Tracking number: 1Z999AA10123456784");

    await admin.admin.orders.setStatus({ id: orderId, status: "delivered" });
    await expect(admin.admin.orders.setTracking({ id: orderId, trackingNumber: "ABC" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

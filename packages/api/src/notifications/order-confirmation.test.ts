import type { Db } from "@shopwright/db";
import { notificationsTables } from "@shopwright/db/tables/notifications";
import { createTestDb, testDialect } from "@shopwright/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignedInUser, guestCaller, testConfig } from "../testing/index.ts";
import { storeCaughtEmail } from "./mailbox.ts";
import { sendOrderConfirmation } from "./order-confirmation-delivery.ts";
import { recordingMailer } from "./testing/mailer.ts";
import { insertTestOrder } from "./testing/orders.ts";

describe(`order confirmation on ${testDialect()}`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it("renders the order: greeting, number, lines, totals, address and link, escaped", async () => {
    const { orderId, number, email } = await insertTestOrder(db);
    const mailer = recordingMailer();
    await sendOrderConfirmation({ db, config: testConfig, mailer }, { orderId });
    const [message] = mailer.sent;
    expect(message?.to).toBe(email);
    expect(message?.subject).toBe(`Your Shopwright order #${number}`);
    expect(message?.text).toContain(`Order number: #${number}`);
    expect(message?.text).not.toContain(`Order number: ${orderId}`);
    expect(message?.text).toContain("Hello Ada Lovelace,");
    expect(message?.text).toContain("2 × Darjeeling <First Flush> at $12.50 = $25.00");
    expect(message?.text).toContain("Subtotal: $64.99");
    expect(message?.text).toContain("Shipping (Standard): $5.00");
    expect(message?.text).toContain("Total: $69.99");
    // A UK address as Royal Mail reads it: the town, then the postcode on its own line, then the country.
    expect(message?.text).toContain("  London\n  SW1Y 4JH\n  United Kingdom");
    expect(message?.text).toContain(`${testConfig.publicUrl}/orders/${orderId}`);
    expect(message?.html).toContain("Darjeeling &lt;First Flush&gt;");
    expect(message?.html).toContain("Tea &amp; Cups");
    expect(message?.html).toContain("12 St James&#39;s Square");
    expect(message?.html).not.toContain("<First Flush>");
    expect(message?.html).toContain(`href="${testConfig.publicUrl}/orders/${orderId}"`);
  });

  it("records every attempt, and never sends again once the SMTP server accepted one", async () => {
    const { orderId } = await insertTestOrder(db);
    const mailer = recordingMailer();
    const deps = { db, config: testConfig, mailer };
    mailer.down = true;
    await expect(sendOrderConfirmation(deps, { orderId })).rejects.toThrow("ECONNREFUSED");
    const { emailMessages: m } = notificationsTables(db);
    const [failed] = await db.orm.select().from(m).where(eq(m.ref, orderId));
    expect(failed).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("ECONNREFUSED") });

    mailer.down = false;
    expect(await sendOrderConfirmation(deps, { orderId })).toMatchObject({ status: "sent" });
    expect(await sendOrderConfirmation(deps, { orderId })).toMatchObject({ status: "already_sent" });
    expect(mailer.sent).toHaveLength(1);
    const records = await db.orm.select().from(m);
    expect(records.filter((r) => r.ref === orderId)).toEqual([
      expect.objectContaining({ status: "sent", attempts: 2, lastError: null, providerMessageId: "provider-1" }),
    ]);
    expect(mailer.sent[0]?.messageId).toBe(`<${records.find((r) => r.ref === orderId)?.id}@shopwright>`);
  });

  it("shows caught mail to admins only", async () => {
    const id = await storeCaughtEmail(db, {
      from: "shop@example.com",
      to: "ada@example.com",
      subject: "Hello",
      html: "<p>Hi</p>",
      text: "Hi",
      messageId: "<m1@example.com>",
    });
    const { caller: admin } = await createSignedInUser(db, { role: "admin" });
    const { caller: customer } = await createSignedInUser(db);
    expect(await admin.admin.mailbox.list()).toEqual([expect.objectContaining({ id, subject: "Hello" })]);
    expect(await admin.admin.mailbox.get({ id })).toMatchObject({ html: "<p>Hi</p>", text: "Hi" });
    await expect(admin.admin.mailbox.get({ id: "mbx_missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(customer.admin.mailbox.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(guestCaller(db).admin.mailbox.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

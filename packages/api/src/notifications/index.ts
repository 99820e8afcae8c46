export type { CaughtEmail } from "./mailbox.ts";
export { getMailboxMessage, listMailbox, storeCaughtEmail } from "./mailbox.ts";
export type { Mailer, OutgoingEmail } from "./mailer.ts";
export { createSmtpMailer, DEFAULT_FROM } from "./mailer.ts";
export { renderOrderConfirmation } from "./order-confirmation.ts";
export { ORDER_CONFIRMATION, sendOrderConfirmation } from "./order-confirmation-delivery.ts";
export { notificationTasks } from "./tasks.ts";

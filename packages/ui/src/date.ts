/** Times reach the apps as UTC instants; people read them in their browser's zone. */
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/** "Dec 1, 2026, 3:04 PM" in the reader's zone. */
export function formatDateTime(at: Date | string): string {
  return dateTime.format(new Date(at));
}

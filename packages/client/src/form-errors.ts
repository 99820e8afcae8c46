import { isUnreachable, UNREACHABLE_MESSAGE } from "./errors.ts";

/**
 * Turns an error from the shop into what a form shows: a message per field — from the zod issues
 * the server attaches to BAD_REQUEST, zod's flattened field errors, or the `details.field` of a
 * domain error (a taken slug) — and one message for the form when no field explains it.
 */
export interface Issue {
  path: (string | number)[];
  message: string;
  /** zod's issue code and the rule's facts, when the server sent them. */
  code?: string;
  minimum?: number;
  maximum?: number;
  origin?: string;
  format?: string;
}

interface ErrorLike {
  message?: string;
  data?: {
    code?: string;
    httpStatus?: number;
    issues?: Issue[] | null;
    zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
    details?: { field?: unknown; retryAfterSeconds?: unknown } | null;
  } | null;
}

/** zod's own wording ("Too small: expected string to have >=1 characters"), written for developers. */
const ZOD_WORDING = /^(Too (small|big)|Invalid|Required|Expected)\b/;

/**
 * One sentence a shopper understands for one issue. A message the server wrote for people stands;
 * zod's defaults are reworded from the rule they broke.
 */
export function issueSentence(issue: Issue): string {
  if (!issue.code || !ZOD_WORDING.test(issue.message)) return issue.message;
  const { code, minimum, maximum, origin, format } = issue;
  const text = origin === "string";
  switch (code) {
    case "too_small":
      if (text)
        return minimum === undefined || minimum <= 1 ? "This field is required" : `Use at least ${minimum} characters`;
      return minimum === undefined ? "This value is too small" : `Enter ${minimum} or more`;
    case "too_big":
      if (text) return `Use at most ${maximum} characters`;
      return maximum === undefined ? "This value is too large" : `Enter ${maximum} or less`;
    case "invalid_format":
      if (format === "email") return "Enter a valid email address";
      if (format === "url") return "Enter a valid web address";
      return "Check the format of this field";
    case "invalid_type":
      return "This field is required";
    case "invalid_value":
      return "Choose one of the options";
    default:
      return "Check this field";
  }
}

/** "Try again in 3 minutes": rate limits say how long to wait. */
export function retryAfterSentence(seconds: number): string {
  if (seconds < 60) return `Too many attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export interface FormErrors {
  /** Keyed by the field's path, dots between segments: "shippingAddress.city". */
  fields: Record<string, string>;
  /** For the top of the form when no field explains the failure. */
  form: string | undefined;
  /** The same request may well work a moment later (no connection, a failure on the shop's side). */
  retryable: boolean;
}

/** Codes that say the shop failed, not the request: asking again may work. */
const SHOP_SIDE = new Set([
  "INTERNAL_SERVER_ERROR",
  "SERVICE_UNAVAILABLE",
  "TIMEOUT",
  "BAD_GATEWAY",
  "GATEWAY_TIMEOUT",
]);

const FALLBACK = "Something went wrong on our side. Please try again in a moment.";

export function formErrors(error: unknown): FormErrors {
  if (!error) return { fields: {}, form: undefined, retryable: false };
  if (isUnreachable(error)) return { fields: {}, form: UNREACHABLE_MESSAGE, retryable: true };
  const { data, message } = error as ErrorLike;
  const retryable = (data?.httpStatus ?? 0) >= 500 || SHOP_SIDE.has(data?.code ?? "");
  const fields: Record<string, string> = {};
  for (const issue of data?.issues ?? []) fields[issue.path.join(".")] ??= issueSentence(issue);
  for (const [key, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fields[key] ??= messages[0];
  }
  const field = data?.details?.field;
  if (typeof field === "string" && message) fields[field] ??= message;
  const wait = data?.details?.retryAfterSeconds;
  if (data?.code === "TOO_MANY_REQUESTS" && typeof wait === "number") {
    return { fields, form: retryAfterSentence(wait), retryable: false };
  }
  // A failure on the shop's side carries no message meant for people.
  const form = Object.keys(fields).length > 0 ? undefined : retryable ? FALLBACK : message || FALLBACK;
  return { fields, form, retryable };
}

/** The one message to show for an error outside a form: the form's message, else the first field's. */
export function errorMessage(error: unknown): string {
  const { fields, form } = formErrors(error);
  return form ?? Object.values(fields)[0] ?? FALLBACK;
}

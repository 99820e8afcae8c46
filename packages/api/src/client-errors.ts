/**
 * What a client may read of an error. Our own messages (domain errors, zod's field messages,
 * tRPC's protocol errors) are written for people; a JavaScript error's own text (a parser's, a
 * stack overflow's, a driver's) is not, and may describe the server's insides. Those become a
 * fixed message here, and the HTTP adapter logs the cause with the request id. Bad input reads as
 * one sentence per field; the issues themselves travel beside it (`data.issues`).
 */
import type { TRPCError } from "@trpc/server";
import { z } from "zod";
import { DomainError } from "./errors.ts";
import { MAX_BATCH_SIZE } from "./http-names.ts";

export const MALFORMED_REQUEST = "Malformed request";
const INTERNAL = "Something went wrong on our side; please try again";

/** tRPC's own text for an over-long batch, replaced with one that says what the limit is. */
const BATCH_TOO_LARGE = "Batch call exceeds maximum size";

/** Whether the error carries some other code's exception, whose text is not for clients. */
export function hasForeignCause(error: TRPCError): boolean {
  const { cause } = error;
  return cause !== undefined && !(cause instanceof z.ZodError) && !(cause instanceof DomainError);
}

export function clientMessage(error: TRPCError): string {
  if (error.code === "INTERNAL_SERVER_ERROR") return INTERNAL;
  if (error.cause instanceof z.ZodError) return fieldSentences(error.cause.issues);
  if (hasForeignCause(error)) return MALFORMED_REQUEST;
  if (error.message === BATCH_TOO_LARGE) return `A batch may hold at most ${MAX_BATCH_SIZE} calls`;
  return error.message;
}

/** "quantity: Enter 1 or more. email: Enter a valid email address." — a field's first issue only. */
function fieldSentences(issues: readonly z.core.$ZodIssue[]): string {
  const byField = new Map<string, string>();
  for (const { path, message } of issues) {
    const field = path.map(String).join(".") || "input";
    if (!byField.has(field)) byField.set(field, `${field}: ${message.replace(/[.\s]*$/, "")}.`);
  }
  return [...byField.values()].join(" ");
}

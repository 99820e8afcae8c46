/**
 * Discount codes as people type them, and the checks on a code before it is saved.
 *
 * A code is 3 to 32 letters A–Z, digits and dashes, starting and ending with a letter or digit:
 * what fits on a poster and survives being read aloud. Codes are case-insensitive and spaces are
 * never part of one, so what the merchant saves and what a shopper types are both normalised the
 * same way ("  spring 10 " is SPRING10) and two codes can never differ only by case or spaces.
 */
import type { DiscountKind } from "@shopwright/db";
import { amountProblem, type Problem } from "./problems.ts";

const CODE_LENGTH = { min: 3, max: 32 };
export const MAX_USAGE_LIMIT = 1_000_000_000;

/**
 * The one form a code is stored and looked up in: compatibility-normalised (full-width letters from
 * a phone keyboard become ASCII), all whitespace removed, upper case.
 */
export function normalizeDiscountCode(raw: string): string {
  return raw.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/** What is wrong with a code the merchant chose, or null. */
export function discountCodeProblem(raw: string): string | null {
  const code = normalizeDiscountCode(raw);
  if (code.length < CODE_LENGTH.min || code.length > CODE_LENGTH.max) {
    return `A code is ${CODE_LENGTH.min} to ${CODE_LENGTH.max} characters long`;
  }
  if (!/^[A-Z0-9-]+$/.test(code)) return "A code may hold only letters A–Z, digits and dashes";
  if (code.startsWith("-") || code.endsWith("-")) return "A code starts and ends with a letter or digit";
  return null;
}

export interface DiscountInput {
  code: string;
  kind: DiscountKind;
  /** Whole percent for `percent`, cents for `fixed`. */
  value: number;
  minSubtotalCents?: number | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  usageLimit?: number | null;
}

/**
 * A percentage is a whole 1–100; a fixed amount is 1 cent to the pricing ceiling (more than an
 * order's worth is allowed: it caps at the order when applied); the window ends after it starts.
 */
export function checkDiscount(input: DiscountInput): Problem[] {
  const problems: Problem[] = [];
  const code = discountCodeProblem(input.code);
  if (code) problems.push({ path: ["code"], message: code });

  const value = valueProblem(input.kind, input.value);
  if (value) problems.push({ path: ["value"], message: value });

  const minimum = input.minSubtotalCents == null ? null : amountProblem(input.minSubtotalCents, "The minimum subtotal");
  if (minimum) problems.push({ path: ["minSubtotalCents"], message: minimum });

  const limit = input.usageLimit;
  if (limit != null && !(Number.isInteger(limit) && limit >= 1 && limit <= MAX_USAGE_LIMIT)) {
    problems.push({
      path: ["usageLimit"],
      message: `A usage limit is a whole number from 1 to ${MAX_USAGE_LIMIT.toLocaleString("en")}`,
    });
  }

  const invalid = (["startsAt", "endsAt"] as const).filter((key) => input[key] && Number.isNaN(input[key].getTime()));
  for (const key of invalid) problems.push({ path: [key], message: "Enter a valid date" });
  if (invalid.length === 0 && input.startsAt && input.endsAt && input.endsAt <= input.startsAt) {
    problems.push({ path: ["endsAt"], message: "The end must be after the start" });
  }
  return problems;
}

function valueProblem(kind: DiscountKind, value: number): string | null {
  if (kind === "percent") {
    return Number.isInteger(value) && value >= 1 && value <= 100
      ? null
      : "A percentage is a whole number from 1 to 100";
  }
  return amountProblem(value, "A fixed discount") ?? (value < 1 ? "A fixed discount is at least 1 cent" : null);
}

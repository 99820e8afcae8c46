/**
 * What the checks of the merchant's pricing settings return: each problem with the path of the
 * field it is about, the shape zod's `addIssue` takes, so an admin procedure's schema reports every
 * problem on its own field and a form shows it there.
 */
import { badRequest, type DomainError } from "../errors.ts";
import { formatCents } from "../lib/money.ts";

export interface Problem {
  path: (string | number)[];
  message: string;
}

/** The largest amount a merchant may enter anywhere in pricing: a product's price ceiling too. */
export const MAX_AMOUNT_CENTS = 100_000_000;

/** Whole cents from 0 to the ceiling; `what` starts the sentence ("A price", "The minimum"). */
export function amountProblem(cents: number, what: string): string | null {
  if (!Number.isInteger(cents)) return `${what} must be in whole cents`;
  if (cents < 0) return `${what} cannot be negative`;
  if (cents > MAX_AMOUNT_CENTS) return `${what} cannot be above ${formatCents(MAX_AMOUNT_CENTS)}`;
  return null;
}

/**
 * The refusal a service throws when a check found problems: the first one's sentence, on its field
 * (as a form names its inputs: "methods.0.priceCents"), with every problem in the details.
 */
export function problemsError(problems: readonly Problem[]): DomainError {
  const [first] = problems;
  return badRequest(first?.message ?? "Check the form", {
    field: first?.path.join("."),
    problems: problems.map((problem) => ({ field: problem.path.join("."), message: problem.message })),
  });
}

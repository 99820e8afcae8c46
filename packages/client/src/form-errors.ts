/**
 * Turns an error from the shop into what a form shows: a message per field — from the zod issues
 * the server attaches to BAD_REQUEST, zod's flattened field errors, or the `details.field` of a
 * domain error (a taken slug) — and one message for the form when no field explains it.
 */
interface ErrorLike {
  message?: string;
  data?: {
    issues?: { path: (string | number)[]; message: string }[] | null;
    zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
    details?: { field?: unknown } | null;
  } | null;
}

export interface FormErrors {
  /** Keyed by the field's path, dots between segments: "shippingAddress.city". */
  fields: Record<string, string>;
  /** For the top of the form when no field explains the failure. */
  form: string | undefined;
}

const FALLBACK = "Something went wrong; please try again.";

export function formErrors(error: unknown): FormErrors {
  if (!error) return { fields: {}, form: undefined };
  const { data, message } = error as ErrorLike;
  const fields: Record<string, string> = {};
  for (const issue of data?.issues ?? []) fields[issue.path.join(".")] ??= issue.message;
  for (const [key, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fields[key] ??= messages[0];
  }
  const field = data?.details?.field;
  if (typeof field === "string" && message) fields[field] ??= message;
  const form = Object.keys(fields).length > 0 ? undefined : message || FALLBACK;
  return { fields, form };
}

/** The one message to show for an error outside a form: the form's message, else the first field's. */
export function errorMessage(error: unknown): string {
  const { fields, form } = formErrors(error);
  return form ?? Object.values(fields)[0] ?? FALLBACK;
}

/**
 * Turns an API error into what a form shows: a message per field (from the zod issues the server
 * attaches to BAD_REQUEST) and one message for the form itself.
 */
interface IssueShape {
  path: (string | number)[];
  message: string;
}

interface ErrorLike {
  message?: string;
  data?: {
    code?: string;
    issues?: IssueShape[] | null;
    zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
  } | null;
}

export interface FormErrors {
  /** Keyed by the field's path, dots between segments: "shippingAddress.city". */
  fields: Record<string, string>;
  /** For the top of the form when no field explains the failure. */
  form: string | undefined;
}

export function formErrors(error: unknown): FormErrors {
  if (!error) return { fields: {}, form: undefined };
  const data = (error as ErrorLike).data;
  const fields: Record<string, string> = {};
  for (const issue of data?.issues ?? []) {
    const key = issue.path.join(".");
    fields[key] ??= issue.message;
  }
  for (const [key, messages] of Object.entries(data?.zodError?.fieldErrors ?? {})) {
    if (messages?.[0]) fields[key] ??= messages[0];
  }
  const hasFields = Object.keys(fields).length > 0;
  const message = (error as ErrorLike).message;
  return {
    fields,
    form: hasFields ? undefined : message || "Something went wrong; please try again.",
  };
}

import { formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { FormError } from "@shopwright/ui/field";
import { type FieldErrors, useForm } from "@shopwright/ui/form";
import type { ReactNode } from "react";
import styles from "../pages/page.module.css";

/**
 * A page that is one short form (sign in, create an account, forgot and reset a password): the
 * panel, the form and its errors (useForm: all at once, focus on the first), the submit button
 * that says it is working, and what replaces the form once it has done its job.
 */
export function FormPanel({
  title,
  intro,
  validate,
  onSubmit,
  error,
  pending,
  submitLabel,
  pendingLabel,
  done,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  validate: (data: FormData) => FieldErrors;
  onSubmit: (data: FormData) => void;
  /** The last submit's error, from its mutation. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** Shown instead of the form once it succeeded. */
  done?: ReactNode;
  /** The fields, given each field's error by name. */
  children: (error: (name: string) => string | undefined) => ReactNode;
  footer?: ReactNode;
}) {
  const form = useForm({ validate, server: formErrors(error) });
  return (
    <div className={`${styles.panel} ${styles.narrow}`}>
      <h1>{title}</h1>
      {done ?? (
        <form className={styles.form} {...form.props(onSubmit)}>
          {intro}
          <FormError message={form.formError} onRetry={form.retry} />
          {children(form.error)}
          <Button type="submit" variant="primary" block disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </form>
      )}
      {footer}
    </div>
  );
}

/** The checks the shop's forms share, in the server's words; each adds a message when the field fails. */
export const checks = {
  required(data: FormData, name: string, message: string, errors: FieldErrors) {
    if (!String(data.get(name) ?? "").trim()) errors[name] ??= message;
  },
  email(data: FormData, name: string, errors: FieldErrors) {
    // The server's rule is zod's email format; this catches what a person mistypes (no @, no dot after it).
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(data.get(name) ?? "").trim())) {
      errors[name] ??= "Enter a valid email address";
    }
  },
};

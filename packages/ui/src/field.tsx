/**
 * Labelled form controls, each with its hint and its error wired for screen readers
 * (`aria-invalid`, `aria-describedby`). One API for every kind of control: `label`, `error`,
 * `hint`, and the native element's own props. `useForm` (form.ts) supplies the errors and moves
 * focus to the first invalid one.
 */
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
  useState,
} from "react";
import { Button } from "./button.tsx";
import { ErrorNotice } from "./error-notice.tsx";
import styles from "./field.module.css";
import { FORM_ERROR_ATTRIBUTE } from "./form.ts";

interface Labelled {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

interface ControlProps {
  id: string;
  className: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

function Field({
  label,
  error,
  hint,
  children,
  after,
}: Labelled & { children: (control: ControlProps) => ReactNode; after?: (controlId: string) => ReactNode }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className={styles.field} data-field="">
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <div className={styles.controlRow}>
        {children({
          id,
          className: controlClass,
          ...(error ? { "aria-invalid": true } : {}),
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
        })}
        {after?.(id)}
      </div>
      {hint && (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className={styles.error}>
          {error}
        </span>
      )}
    </div>
  );
}

export const TextField = ({ label, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) => (
  <Field label={label} error={error} hint={hint}>
    {(control) => <input {...input} {...control} />}
  </Field>
);

/**
 * A password with a Show / Hide button, so a person on a phone can check what they typed instead
 * of typing it twice.
 */
export function PasswordField({ label, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const [shown, setShown] = useState(false);
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      after={(id) => (
        <Button
          variant="secondary"
          className={styles.reveal}
          aria-pressed={shown}
          aria-controls={id}
          aria-label={`Show ${label.toLowerCase()}`}
          onClick={() => setShown(!shown)}
        >
          {shown ? "Hide" : "Show"}
        </Button>
      )}
    >
      {(control) => <input {...input} {...control} type={shown ? "text" : "password"} spellCheck={false} />}
    </Field>
  );
}

export const TextAreaField = ({
  label,
  error,
  hint,
  ...textarea
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) => (
  <Field label={label} error={error} hint={hint}>
    {(control) => <textarea {...textarea} {...control} />}
  </Field>
);

export const SelectField = ({ label, error, hint, ...select }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) => (
  <Field label={label} error={error} hint={hint}>
    {(control) => <select {...select} {...control} />}
  </Field>
);

/** A bare control styled like the fields, for toolbars where a visible label would be clutter. */
export const controlClass: string = styles.control!;

/**
 * The message for a form as a whole (a refusal that belongs to no one field), announced when it
 * appears, and focused by `useForm` when it is the reason a submit failed. `onRetry` adds a Try
 * again button, for failures that may pass on a second try.
 */
export function FormError({
  message,
  onRetry,
  children,
}: {
  message: string | undefined;
  onRetry?: (() => void) | undefined;
  children?: ReactNode;
}) {
  if (!message) return null;
  return (
    <ErrorNotice
      message={message}
      onRetry={onRetry}
      tabIndex={-1}
      className={styles.formError}
      {...{ [FORM_ERROR_ATTRIBUTE]: "" }}
    >
      {children}
    </ErrorNotice>
  );
}

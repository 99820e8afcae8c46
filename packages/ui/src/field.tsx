/**
 * Labelled form controls, each with its hint and its error wired for screen readers
 * (`aria-invalid`, `aria-describedby`). One API for every kind of control: `label`, `error`,
 * `hint`, and the native element's own props.
 */
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import styles from "./field.module.css";

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

function Field({ label, error, hint, children }: Labelled & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({
        id,
        className: controlClass,
        ...(error ? { "aria-invalid": true } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
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

/** The message for a form as a whole (a refusal that belongs to no one field), announced when it appears. */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className={styles.formError}>
      {message}
    </p>
  );
}

/** A labelled form control with its hint and its error, wired for screen readers. */
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import styles from "./field.module.css";

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: (control: {
    id: string;
    className: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children({
        id,
        className: styles.control!,
        "aria-invalid": Boolean(error),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {hint && (
        <span id={`${id}-hint`} className={styles.hint}>
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className={styles.error} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

type Labelled = { label: string; error?: string | undefined; hint?: ReactNode };

export const TextField = ({ label, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) => (
  <Field label={label} error={error} hint={hint}>
    {(control) => <input {...input} {...control} />}
  </Field>
);

export const TextAreaField = ({
  label,
  error,
  hint,
  ...input
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) => (
  <Field label={label} error={error} hint={hint}>
    {(control) => <textarea {...input} {...control} />}
  </Field>
);

export const SelectField = ({ label, error, hint, ...select }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) => (
  <Field label={label} error={error} hint={hint}>
    {(control) => <select {...select} {...control} />}
  </Field>
);

/** A bare control styled like the fields, for toolbars where the label is visually implied. */
export const controlClass = styles.control!;

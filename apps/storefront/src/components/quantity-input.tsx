import { useState } from "react";
import styles from "./quantity-input.module.css";

/**
 * A whole number from 1 to `max` with − and + buttons. Typing is committed on Enter or when the
 * field loses focus, so "12" is one change, not a change to 1 and then to 12.
 */
export function QuantityInput({
  value,
  max,
  onChange,
  label,
  disabled = false,
}: {
  value: number;
  max: number;
  onChange: (quantity: number) => void;
  label: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(String(value));
  }
  const clamp = (n: number) => Math.max(1, Math.min(max, Math.trunc(n)));
  const commit = () => {
    const typed = Number(text);
    const next = Number.isFinite(typed) && typed >= 1 ? clamp(typed) : value;
    setText(String(next));
    if (next !== value) onChange(next);
  };

  return (
    <fieldset className={styles.stepper}>
      <legend className="visually-hidden">{label}</legend>
      <button
        type="button"
        className={styles.step}
        aria-label="Decrease quantity"
        disabled={disabled || value <= 1}
        onClick={() => onChange(clamp(value - 1))}
      >
        −
      </button>
      <input
        className={styles.value}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        aria-label="Quantity"
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          }
        }}
      />
      <button
        type="button"
        className={styles.step}
        aria-label="Increase quantity"
        disabled={disabled || value >= max}
        onClick={() => onChange(clamp(value + 1))}
      >
        +
      </button>
    </fieldset>
  );
}

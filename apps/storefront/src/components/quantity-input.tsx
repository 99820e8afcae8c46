import { useId, useState } from "react";
import styles from "./quantity-input.module.css";

/**
 * A whole number from 1 to `max` with − and + buttons. Typing is committed on Enter or when the
 * field loses focus, so "12" is one change, not a change to 1 and then to 12. A number outside the
 * limits is never changed behind the shopper's back: it stays as typed, uncommitted, with the limit
 * said in words under it.
 */
export function QuantityInput({
  value,
  max,
  onChange,
  label,
  belowOne = "You need at least 1.",
  disabled = false,
}: {
  value: number;
  max: number;
  onChange: (quantity: number) => void;
  label: string;
  /** What to say to a 0: in the cart, where Remove takes the line out. */
  belowOne?: string;
  disabled?: boolean;
}) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const messageId = useId();
  if (value !== shown) {
    setShown(value);
    setText(String(value));
    setProblem(null);
  }
  const commit = () => {
    const typed = text.trim() === "" ? Number.NaN : Number(text);
    const next = !Number.isInteger(typed)
      ? "Enter a whole number, like 2."
      : typed < 1
        ? belowOne
        : typed > max
          ? `You can buy up to ${max} of one item at a time.`
          : null;
    setProblem(next);
    if (next === null && typed !== value) onChange(typed);
  };
  const step = (quantity: number) => {
    setProblem(null);
    onChange(quantity);
  };

  return (
    <div className={styles.quantity}>
      <fieldset className={styles.stepper}>
        <legend className="visually-hidden">{label}</legend>
        <button
          type="button"
          className={styles.step}
          aria-label="Decrease quantity"
          disabled={disabled || value <= 1}
          onClick={() => step(Math.max(1, value - 1))}
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
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? messageId : undefined}
          value={text}
          disabled={disabled}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
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
          onClick={() => step(Math.min(max, value + 1))}
        >
          +
        </button>
      </fieldset>
      {problem && (
        <p id={messageId} role="alert" className={styles.problem}>
          {problem}
        </p>
      )}
    </div>
  );
}

import styles from "./quantity-input.module.css";

/** A whole number from 1 to `max` with − and + buttons; typing works too. */
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
  const clamp = (n: number) => Math.max(1, Math.min(max, Math.trunc(n)));
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
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const n = Number(event.target.value);
          if (Number.isFinite(n) && n >= 1) onChange(clamp(n));
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

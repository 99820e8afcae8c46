/**
 * The product page's choice of options: one radio group per option (a fieldset named by its
 * legend), each value a radio drawn as a pill. A value that cannot be had with the rest of the
 * choice is disabled, and its name says why ("M, sold out", "S, not made in Sand") in words a
 * screen reader reads; a pointer's tooltip shows the same.
 */
import { useId } from "react";
import styles from "./variant-picker.module.css";
import {
  type Choice,
  type ChoosableVariant,
  type ProductOption,
  unavailableReason,
  valueState,
} from "./variant-selection.ts";

/** The attribute a fieldset carries with its option's name, for the page to focus an option still to choose. */
export const OPTION_ATTRIBUTE = "data-option";

export function VariantPicker({
  options,
  variants,
  choice,
  onChoose,
  describedBy,
}: {
  options: readonly ProductOption[];
  variants: readonly ChoosableVariant[];
  choice: Choice;
  onChoose: (name: string, value: string) => void;
  /** The id of a message about the choice (what is still to choose). */
  describedBy?: string | undefined;
}) {
  const id = useId();
  return (
    <div className={styles.picker}>
      {options.map((option, index) => (
        <fieldset
          key={option.name}
          className={styles.option}
          {...{ [OPTION_ATTRIBUTE]: option.name }}
          aria-describedby={choice[option.name] ? undefined : describedBy}
        >
          <legend className={styles.legend}>
            {choice[option.name] ? `${option.name}: ${choice[option.name]}` : option.name}
          </legend>
          <div className={styles.values}>
            {option.values.map((value) => {
              const reason = unavailableReason(valueState(options, variants, choice, option.name, value));
              return (
                <label key={value} className={styles.value} title={reason}>
                  <input
                    type="radio"
                    className={styles.radio}
                    name={`${id}-${index}`}
                    value={value}
                    checked={choice[option.name] === value}
                    disabled={reason !== undefined}
                    aria-label={reason && `${value}, ${reason}`}
                    onChange={() => onChoose(option.name, value)}
                  />
                  <span className={styles.face}>{value}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

/** Moves focus to the first value that can be chosen for `name`, so a keyboard user lands where the message points. */
export function focusOption(container: HTMLElement | null, name: string) {
  const group = [...(container?.querySelectorAll<HTMLElement>(`[${OPTION_ATTRIBUTE}]`) ?? [])].find(
    (element) => element.getAttribute(OPTION_ATTRIBUTE) === name,
  );
  group?.querySelector<HTMLInputElement>("input:not(:disabled)")?.focus();
}

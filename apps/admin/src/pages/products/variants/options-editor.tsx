/**
 * A product's options and their values: add or remove a value, add an option. Whenever some combination of values has no variant, the editor offers to create the
 * missing ones, so adding "XL" to Size is one more click from selling every colour in XL.
 */
import { Button } from "@shopwright/ui/button";
import { TextField } from "@shopwright/ui/field";
import { formatVariantOptions } from "@shopwright/ui/variant-options";
import { useState } from "react";
import styles from "./options-editor.module.css";
import {
  addOption,
  addValue,
  missingCombinations,
  type ProductOption,
  removeValue,
  type VariantRow,
} from "./variant-rows.ts";

/** How many missing combinations are named one by one before "and N more". */
const NAMED_MISSING = 6;

export function OptionsEditor({
  options,
  rows,
  onChange,
  onAddMissing,
}: {
  options: readonly ProductOption[];
  rows: readonly VariantRow[];
  onChange: (options: ProductOption[], rows: VariantRow[]) => void;
  onAddMissing: (combinations: Record<string, string>[]) => void;
}) {
  const [problem, setProblem] = useState<{ option: string; message: string } | null>(null);
  const missing = options.length > 0 ? missingCombinations(options, rows) : [];

  const add = (name: string, typed: string) => {
    const result = addValue(options, name, typed);
    if (!result.ok) {
      setProblem({ option: name, message: result.problem });
      return false;
    }
    setProblem(null);
    onChange(result.options, [...rows]);
    return true;
  };
  const remove = (name: string, value: string) => {
    const result = removeValue(options, rows, name, value);
    if (!result.ok) return setProblem({ option: name, message: result.problem });
    setProblem(null);
    onChange(result.options, result.rows);
  };

  return (
    <div className={styles.editor}>
      {options.map((option) => (
        <fieldset key={option.name} className={styles.option}>
          <legend className={styles.legend}>{option.name}</legend>
          <ul className={styles.values} aria-label={`${option.name} values`}>
            {option.values.map((value) => (
              <li key={value} className={styles.value}>
                {value}
                <Button
                  size="small"
                  variant="ghost"
                  aria-label={`Remove ${option.name} ${value}`}
                  onClick={() => remove(option.name, value)}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
          <AddValue
            option={option.name}
            error={problem?.option === option.name ? problem.message : undefined}
            onAdd={(typed) => add(option.name, typed)}
          />
        </fieldset>
      ))}
      <AddOption
        onAdd={(name, values) => {
          const result = addOption(options, rows, name, values);
          if (!result.ok) return result.problem;
          onChange(result.options, result.rows);
          return undefined;
        }}
      />
      {missing.length > 0 && (
        <div className={styles.missing} role="status">
          <p>
            {missing.length === 1 ? "1 combination has" : `${missing.length} combinations have`} no variant yet:{" "}
            {missing.slice(0, NAMED_MISSING).map(formatVariantOptions).join(", ")}
            {missing.length > NAMED_MISSING && ` and ${missing.length - NAMED_MISSING} more`}.
          </p>
          <Button size="small" variant="primary" onClick={() => onAddMissing(missing)}>
            Add {missing.length === 1 ? "it" : `these ${missing.length}`} as variants
          </Button>
        </div>
      )}
    </div>
  );
}

function AddValue({
  option,
  error,
  onAdd,
}: {
  option: string;
  error: string | undefined;
  onAdd: (typed: string) => boolean;
}) {
  const [typed, setTyped] = useState("");
  const submit = () => {
    if (onAdd(typed)) setTyped("");
  };
  return (
    <div className={styles.add}>
      <TextField
        label={`New ${option.toLowerCase()}`}
        value={typed}
        error={error}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          // Enter adds the value rather than saving the whole product.
          if (event.key === "Enter") {
            event.preventDefault();
            submit();
          }
        }}
      />
      <Button size="small" onClick={submit}>
        Add {option.toLowerCase()}
      </Button>
    </div>
  );
}

function AddOption({ onAdd }: { onAdd: (name: string, values: string) => string | undefined }) {
  const [name, setName] = useState("");
  const [values, setValues] = useState("");
  const [error, setError] = useState<string>();
  const submit = () => {
    const problem = onAdd(name, values);
    setError(problem);
    if (problem) return;
    setName("");
    setValues("");
  };
  return (
    <fieldset className={styles.option}>
      <legend className={styles.legend}>Add an option</legend>
      <div className={styles.add}>
        <TextField
          label="Option name"
          value={name}
          error={error}
          placeholder="Size"
          onChange={(event) => setName(event.target.value)}
        />
        <TextField
          label="Values, separated by commas"
          value={values}
          placeholder="S, M, L"
          onChange={(event) => setValues(event.target.value)}
        />
        <Button size="small" onClick={submit}>
          Add option
        </Button>
      </div>
    </fieldset>
  );
}

import { TextField } from "@shopwright/ui/field";
import type { FieldErrors } from "@shopwright/ui/form";
import { useMutation } from "@tanstack/react-query";
import { checks, FormPanel } from "../components/form-panel.tsx";
import { trpc } from "../lib/api.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./page.module.css";

/** "#1042", "1042" or " # 1042 ": the digits of an order number as people copy it from an email. */
const ORDER_NUMBER = /^#?\s*(\d{1,9})$/;

/**
 * "Find my order": the link to a guest's order, emailed again. The answer is the same whether or
 * not the email and number match an order, so the page tells no one which orders exist.
 */
export function FindOrderPage() {
  usePageTitle("Find my order");
  const find = useMutation(trpc.orders.findMyOrder.mutationOptions());
  const validate = (data: FormData) => {
    const errors: FieldErrors = {};
    checks.email(data, "email", errors);
    if (!ORDER_NUMBER.test(String(data.get("number") ?? "").trim())) {
      errors.number = "Enter the order number from your confirmation email, such as #1042";
    }
    return errors;
  };

  return (
    <FormPanel
      title="Find my order"
      intro={
        <p className={styles.muted}>
          Lost the email with your order’s link? Tell us the email you ordered with and the order number, and we will
          send the link again.
        </p>
      }
      validate={validate}
      onSubmit={(data) =>
        find.mutate({
          email: String(data.get("email")).trim(),
          number: Number(ORDER_NUMBER.exec(String(data.get("number")).trim())![1]),
        })
      }
      error={find.error}
      pending={find.isPending}
      submitLabel="Email me the link"
      pendingLabel="Sending…"
      done={find.isSuccess ? <p role="status">If that order is yours, we’ve emailed you a link to it.</p> : undefined}
    >
      {(error) => (
        <>
          <TextField label="Email" name="email" type="email" autoComplete="email" required error={error("email")} />
          <TextField
            label="Order number"
            name="number"
            inputMode="numeric"
            autoComplete="off"
            required
            hint="It starts with # in your confirmation email."
            error={error("number")}
          />
        </>
      )}
    </FormPanel>
  );
}

/**
 * The cart's discount code: a field to apply one, and once applied, what it takes off (or why it
 * takes nothing) with a way to remove it. The server decides everything; the page only shows it.
 */
import { formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { FormError, TextField } from "@shopwright/ui/field";
import { type FieldErrors, useForm } from "@shopwright/ui/form";
import { formatCents } from "@shopwright/ui/money";
import { useMutation } from "@tanstack/react-query";
import { queryClient, trpc } from "../../lib/api.ts";
import type { Cart } from "../../lib/types.ts";
import styles from "../../pages/page.module.css";

export function DiscountCode({ discount }: { discount: Cart["discount"] }) {
  const settled = {
    onSuccess: (cart: Cart) => queryClient.setQueryData(trpc.cart.get.queryKey(), cart),
  };
  const apply = useMutation(trpc.cart.applyDiscountCode.mutationOptions(settled));
  const remove = useMutation(trpc.cart.removeDiscountCode.mutationOptions(settled));
  const form = useForm({
    validate: (data): FieldErrors => (String(data.get("code") ?? "").trim() ? {} : { code: "Type the code to use it" }),
    server: formErrors(apply.error),
  });

  if (discount) {
    return (
      <div>
        <div className={styles.summaryRow}>
          <span>Discount ({discount.code})</span>
          <span data-testid="cart-discount">{formatCents(-discount.amountCents)}</span>
        </div>
        {discount.problem && (
          <p role="status" className={styles.notice}>
            {discount.problem}
          </p>
        )}
        <Button variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Remove {discount.code}
        </Button>
      </div>
    );
  }
  return (
    <form {...form.props((data) => apply.mutate({ code: String(data.get("code") ?? "") }))}>
      <FormError message={form.formError} onRetry={form.retry} />
      <TextField label="Discount code" name="code" autoComplete="off" error={form.error("code")} />
      <Button type="submit" variant="secondary" disabled={apply.isPending}>
        {apply.isPending ? "Applying…" : "Apply"}
      </Button>
    </form>
  );
}

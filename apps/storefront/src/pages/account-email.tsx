import { errorMessage, formErrors } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { ErrorNotice } from "@shopwright/ui/error-notice";
import { FormError, PasswordField, TextField } from "@shopwright/ui/field";
import { type FieldErrors, useForm } from "@shopwright/ui/form";
import { useMutation } from "@tanstack/react-query";
import { checks } from "../components/form-panel.tsx";
import { trpc } from "../lib/api.ts";
import type { Me } from "../lib/types.ts";
import styles from "./page.module.css";

/**
 * The account's email: whether it is verified (with the link sent again on request), and a
 * change, which waits on the link sent to the new address; until then the account keeps this one.
 */
export function AccountEmail({ me }: { me: Me }) {
  const resend = useMutation(trpc.auth.requestEmailVerification.mutationOptions());
  return (
    <section className={`${styles.panel} ${styles.section} ${styles.form}`} aria-labelledby="account-email">
      <h2 id="account-email">Email</h2>
      <p>
        <strong>{me.email}</strong> · {me.emailVerified ? "Verified" : "Not verified yet"}
      </p>
      {!me.emailVerified && (
        <div role="note" className={styles.form}>
          <p className={styles.muted}>
            Verify your email: follow the link we sent to this address when you signed up. You can shop meanwhile.
          </p>
          {resend.isSuccess ? (
            <p role="status">We have sent the link again. It works once, within 24 hours.</p>
          ) : (
            <Button onClick={() => resend.mutate()} disabled={resend.isPending}>
              {resend.isPending ? "Sending…" : "Send the link again"}
            </Button>
          )}
          {resend.error && <ErrorNotice message={errorMessage(resend.error)} />}
        </div>
      )}
      <h3>Change your email</h3>
      <ChangeEmailForm current={me.email} />
    </section>
  );
}

function ChangeEmailForm({ current }: { current: string }) {
  const change = useMutation(trpc.auth.requestEmailChange.mutationOptions());
  const form = useForm({
    validate(data) {
      const errors: FieldErrors = {};
      checks.email(data, "newEmail", errors);
      checks.required(data, "password", "Enter your password", errors);
      return errors;
    },
    server: formErrors(change.error),
  });

  if (change.isSuccess) {
    return (
      <p role="status">
        We have sent a link to <strong>{change.variables.newEmail}</strong>. Your email stays {current} until you follow
        it.
      </p>
    );
  }
  return (
    <form
      className={styles.form}
      aria-label="Change your email"
      {...form.props((data) =>
        change.mutate({ newEmail: String(data.get("newEmail")).trim(), password: String(data.get("password")) }),
      )}
    >
      <FormError message={form.formError} onRetry={form.retry} />
      <TextField label="New email" name="newEmail" type="email" autoComplete="email" error={form.error("newEmail")} />
      <PasswordField
        label="Current password"
        name="password"
        autoComplete="current-password"
        error={form.error("password")}
      />
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? "Sending…" : "Change email"}
      </Button>
    </form>
  );
}

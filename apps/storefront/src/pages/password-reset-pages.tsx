import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { FormError, TextField } from "@shopwright/ui/field";
import type { FieldErrors } from "@shopwright/ui/form";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { checks, FormPanel } from "../components/form-panel.tsx";
import { trpc } from "../lib/api.ts";
import { useLinkToken } from "../lib/link-token.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import { NewPasswordField, newPasswordErrors } from "./auth-pages.tsx";
import styles from "./page.module.css";

export function ForgotPasswordPage() {
  usePageTitle("Forgot your password?");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const validate = (data: FormData) => {
    const errors: FieldErrors = {};
    checks.email(data, "email", errors);
    return errors;
  };

  return (
    <FormPanel
      title="Forgot your password?"
      intro={
        <p className={styles.muted}>Enter your account's email and we will send you a link to choose a new one.</p>
      }
      validate={validate}
      onSubmit={(data) => request.mutate({ email: String(data.get("email")) })}
      error={request.error}
      pending={request.isPending}
      submitLabel="Email me a link"
      pendingLabel="Sending…"
      done={
        request.isSuccess ? (
          <p role="status">
            If an account uses <strong>{request.variables.email}</strong>, we have emailed it a link to choose a new
            password. The link works once, within an hour.
          </p>
        ) : undefined
      }
      footer={
        <p className={styles.muted}>
          <Link to={routes.login.href()}>Back to sign in</Link>
        </p>
      }
    >
      {(error) => (
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={error("email")} />
      )}
    </FormPanel>
  );
}

/** The emailed link lands here with its token in the fragment, which never reaches a server log. */
export function ResetPasswordPage() {
  usePageTitle("Choose a new password");
  const token = useLinkToken();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const validate = (data: FormData) => {
    const errors: FieldErrors = {};
    newPasswordErrors(data, "password", errors);
    return errors;
  };

  return (
    <FormPanel
      title="Choose a new password"
      validate={validate}
      onSubmit={(data) => reset.mutate({ token, password: String(data.get("password")) })}
      error={reset.error}
      pending={reset.isPending || !token}
      submitLabel="Set new password"
      pendingLabel={token ? "Saving…" : "Set new password"}
      done={
        reset.isSuccess ? (
          <p role="status">
            Your password is changed, and every device that was signed in has been signed out.{" "}
            <Link to={routes.login.href()}>Sign in with your new password</Link>.
          </p>
        ) : undefined
      }
    >
      {(error) => (
        <>
          {/* The link's token is no field of the form: its refusal says what to do instead. */}
          <FormError message={error("token")}>
            <Link to={routes.forgotPassword.href()}>Ask for a new link</Link>
          </FormError>
          <NewPasswordField label="New password" error={error("password")} />
        </>
      )}
    </FormPanel>
  );
}

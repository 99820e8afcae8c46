import { formErrors, PASSWORD_RULE } from "@shopwright/client";
import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { Button } from "@shopwright/ui/button";
import { FormError, TextField } from "@shopwright/ui/field";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link } from "react-router";
import { trpc } from "../lib/api.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./page.module.css";

export function ForgotPasswordPage() {
  usePageTitle("Forgot your password?");
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const errors = formErrors(request.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate({ email: String(new FormData(event.currentTarget).get("email")) });
  }

  return (
    <div className={`${styles.panel} ${styles.narrow}`}>
      <h1>Forgot your password?</h1>
      {request.isSuccess ? (
        <p role="status">
          If an account uses <strong>{request.variables.email}</strong>, we have emailed it a link to choose a new
          password. The link works once, within an hour.
        </p>
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate>
          <p className={styles.muted}>Enter your account's email and we will send you a link to choose a new one.</p>
          <FormError message={errors.form} />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            error={errors.fields.email}
          />
          <Button type="submit" variant="primary" block disabled={request.isPending}>
            {request.isPending ? "Sending…" : "Email me a link"}
          </Button>
        </form>
      )}
      <p className={styles.muted}>
        <Link to={routes.login.href()}>Back to sign in</Link>
      </p>
    </div>
  );
}

/** The emailed link lands here with its token in the fragment, which never reaches a server log. */
export function ResetPasswordPage() {
  usePageTitle("Choose a new password");
  const token = new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const errors = formErrors(reset.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate({ token, password: String(new FormData(event.currentTarget).get("password")) });
  }

  return (
    <div className={`${styles.panel} ${styles.narrow}`}>
      <h1>Choose a new password</h1>
      {reset.isSuccess ? (
        <p role="status">
          Your password is changed, and every device that was signed in has been signed out.{" "}
          <Link to={routes.login.href()}>Sign in with your new password</Link>.
        </p>
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate>
          <FormError message={errors.form ?? errors.fields.token} />
          {errors.fields.token && (
            <p>
              <Link to={routes.forgotPassword.href()}>Ask for a new link</Link>
            </p>
          )}
          <TextField
            label="New password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            hint={PASSWORD_RULE}
            error={errors.fields.password}
          />
          <Button type="submit" variant="primary" block disabled={reset.isPending || !token}>
            {reset.isPending ? "Saving…" : "Set new password"}
          </Button>
        </form>
      )}
    </div>
  );
}

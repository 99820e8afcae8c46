import { formErrors, PASSWORD_MIN_LENGTH, PASSWORD_RULE } from "@shopwright/client";
import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { Button } from "@shopwright/ui/button";
import { FormError, TextField } from "@shopwright/ui/field";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { login, register } from "../features/signed-in.ts";
import { safeNext } from "../lib/safe-next.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./page.module.css";

/** The server's password rule, said before anyone breaks it. */
function useAfterSignIn() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get("next"));
  return {
    nextQuery: params.get("next") ? `?next=${encodeURIComponent(next)}` : "",
    done() {
      navigate(next, { replace: true });
    },
  };
}

export function LoginPage() {
  usePageTitle("Sign in");
  const after = useAfterSignIn();
  const signIn = useMutation({ mutationFn: login, onSuccess: after.done });
  const errors = formErrors(signIn.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({ email: String(form.get("email")), password: String(form.get("password")) });
  }

  return (
    <div className={`${styles.panel} ${styles.narrow}`}>
      <h1>Sign in</h1>
      <form className={styles.form} onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.fields.password}
        />
        <Button type="submit" variant="primary" block disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      <p className={styles.muted}>
        <Link to={routes.forgotPassword.href()}>Forgot your password?</Link>
      </p>
      <p className={styles.muted}>
        New to Shopwright? <Link to={`/register${after.nextQuery}`}>Create an account</Link>
      </p>
    </div>
  );
}

export function RegisterPage() {
  usePageTitle("Create an account");
  const after = useAfterSignIn();
  const signUp = useMutation({ mutationFn: register, onSuccess: after.done });
  const errors = formErrors(signUp.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signUp.mutate({
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
    });
  }

  return (
    <div className={`${styles.panel} ${styles.narrow}`}>
      <h1>Create an account</h1>
      <form className={styles.form} onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <TextField label="Name" name="name" autoComplete="name" required error={errors.fields.name} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={errors.fields.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
          hint={PASSWORD_RULE}
          error={errors.fields.password}
        />
        <Button type="submit" variant="primary" block disabled={signUp.isPending}>
          {signUp.isPending ? "Creating your account…" : "Create account"}
        </Button>
      </form>
      <p className={styles.muted}>
        Already have an account? <Link to={`/login${after.nextQuery}`}>Sign in</Link>
      </p>
    </div>
  );
}

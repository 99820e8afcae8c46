import { PASSWORD_RULE, passwordProblem } from "@shopwright/client";
import { storefrontRoutes as routes } from "@shopwright/client/routes";
import { PasswordField, TextField } from "@shopwright/ui/field";
import type { FieldErrors } from "@shopwright/ui/form";
import { useMutation } from "@tanstack/react-query";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { checks, FormPanel } from "../components/form-panel.tsx";
import { login, register } from "../features/signed-in.ts";
import { safeNext } from "../lib/safe-next.ts";
import { usePageTitle } from "../lib/use-page-title.ts";
import styles from "./page.module.css";

/** Where to go once signed in: the page that sent the shopper here (`?next=`), else the home page. */
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

const text = (data: FormData, name: string) => String(data.get(name) ?? "");

export function LoginPage() {
  usePageTitle("Sign in");
  const after = useAfterSignIn();
  const signIn = useMutation({ mutationFn: login, onSuccess: after.done });
  const validate = (data: FormData) => {
    const errors: FieldErrors = {};
    checks.email(data, "email", errors);
    checks.required(data, "password", "Enter your password", errors);
    return errors;
  };

  return (
    <FormPanel
      title="Sign in"
      validate={validate}
      onSubmit={(data) => signIn.mutate({ email: text(data, "email"), password: text(data, "password") })}
      error={signIn.error}
      pending={signIn.isPending}
      submitLabel="Sign in"
      pendingLabel="Signing in…"
      footer={
        <>
          <p className={styles.muted}>
            <Link to={routes.forgotPassword.href()}>Forgot your password?</Link>
          </p>
          <p className={styles.muted}>
            New to Shopwright? <Link to={`/register${after.nextQuery}`}>Create an account</Link>
          </p>
        </>
      }
    >
      {(error) => (
        <>
          <TextField label="Email" name="email" type="email" autoComplete="email" required error={error("email")} />
          <PasswordField
            label="Password"
            name="password"
            autoComplete="current-password"
            required
            error={error("password")}
          />
        </>
      )}
    </FormPanel>
  );
}

/** A new password as the server will judge it (the common-password list only the server knows). */
export function newPasswordErrors(data: FormData, name: string, errors: FieldErrors) {
  const problem = passwordProblem(text(data, name));
  if (problem) errors[name] ??= problem;
}

/** A new password's field, named `password`, with the rule said before anyone breaks it. */
export function NewPasswordField({ label, error }: { label: string; error: string | undefined }) {
  return (
    <PasswordField
      label={label}
      name="password"
      autoComplete="new-password"
      required
      hint={PASSWORD_RULE}
      error={error}
    />
  );
}

/**
 * What a link to the register page may carry in its history state (never in its address, which
 * server logs keep): the email a guest's order was placed with, so the account is made for it.
 */
export interface RegisterState {
  email?: string;
}

export function RegisterPage() {
  usePageTitle("Create an account");
  const after = useAfterSignIn();
  const { email } = (useLocation().state ?? {}) as RegisterState;
  const signUp = useMutation({ mutationFn: register, onSuccess: after.done });
  const validate = (data: FormData) => {
    const errors: FieldErrors = {};
    checks.required(data, "name", "Enter your name", errors);
    checks.email(data, "email", errors);
    newPasswordErrors(data, "password", errors);
    return errors;
  };

  return (
    <FormPanel
      title="Create an account"
      validate={validate}
      onSubmit={(data) =>
        signUp.mutate({
          name: text(data, "name").trim(),
          email: text(data, "email"),
          password: text(data, "password"),
        })
      }
      error={signUp.error}
      pending={signUp.isPending}
      submitLabel="Create account"
      pendingLabel="Creating your account…"
      footer={
        <p className={styles.muted}>
          Already have an account? <Link to={`/login${after.nextQuery}`}>Sign in</Link>
        </p>
      }
    >
      {(error) => (
        <>
          <TextField label="Name" name="name" autoComplete="name" required error={error("name")} />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={email}
            error={error("email")}
          />
          <NewPasswordField label="Password" error={error("password")} />
        </>
      )}
    </FormPanel>
  );
}

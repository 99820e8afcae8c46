import { errorMessage, isShopError } from "@shopwright/client";
import { Button } from "@shopwright/ui/button";
import { PasswordField, TextField } from "@shopwright/ui/field";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Navigate, useLocation } from "react-router";
import { Loading } from "../components/layout.tsx";
import { Notice } from "../components/page.tsx";
import { signIn } from "../lib/auth.ts";
import { useSession } from "../lib/session.ts";
import styles from "./login-page.module.css";

function loginError(error: unknown): string {
  if (isShopError(error, "UNAUTHORIZED")) return "That email and password do not match an account.";
  return errorMessage(error);
}

export function LoginPage() {
  const state = useSession();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation({ mutationFn: () => signIn(email, password) });

  if (state.status === "restoring") return <Loading />;
  if (state.status === "signedIn") {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== "/login" ? from : "/"} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };

  return (
    <main className={styles.screen}>
      <div className={styles.panel}>
        <h1 className={styles.title}>Shopwright Admin</h1>
        <p className={styles.subtitle}>Sign in with an admin account.</p>
        {login.isError ? (
          <Notice tone="error">{loginError(login.error)}</Notice>
        ) : (
          state.notice && <Notice tone="error">{state.notice}</Notice>
        )}
        <form className={styles.form} onSubmit={submit}>
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <PasswordField
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" variant="primary" disabled={login.isPending}>
            {login.isPending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </div>
    </main>
  );
}

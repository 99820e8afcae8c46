import { storefrontRoutes as routes } from "@shopwright/client/routes";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { withNext } from "../lib/safe-next.ts";
import { useSessionStatus } from "../lib/use-session.ts";
import { Skeleton } from "./skeleton.tsx";

/** Pages for signed-in shoppers: wait for the session to be restored, else go to sign-in and come back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useSessionStatus();
  const location = useLocation();
  if (status === "restoring") return <Skeleton height="12rem" />;
  if (status === "signedOut") {
    return <Navigate to={withNext(routes.login.href(), location.pathname + location.search)} replace />;
  }
  return children;
}

/**
 * Who is using the admin app. Only admins get past the login screen: a customer who signs in is
 * signed straight out again and told why. A reload restores the session through the refresh
 * cookie (the access token lives only in memory).
 */
import { useSyncExternalStore } from "react";

export interface AdminUser {
  id: string;
  email: string;
  name: string;
}

export type SessionState =
  | { status: "restoring" }
  | { status: "signedOut"; notice?: string }
  | { status: "signedIn"; user: AdminUser };

export const NOT_AN_ADMIN = "This account is not an admin account. Sign in with an admin account to continue.";

function createSession() {
  let state: SessionState = { status: "restoring" };
  const listeners = new Set<() => void>();
  const set = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    get: () => state,
    signedIn: (user: AdminUser) => set({ status: "signedIn", user }),
    /** Ends the session as far as the page is concerned, with a reason for the login screen. */
    end(notice?: string) {
      if (state.status !== "signedOut" || state.notice !== notice) set({ status: "signedOut", notice });
    },
  };
}

export const session = createSession();

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

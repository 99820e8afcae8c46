/**
 * Who is using an app, as React sees it: still restoring (a fresh page asks the refresh cookie
 * before it knows), signed out (with the reason, when there is one, for the sign-in screen), or
 * signed in. A plain store outside React, so the API setup can end a session from anywhere, and a
 * hook for components.
 */
import { useSyncExternalStore } from "react";

export type SessionState<TUser = undefined> =
  | { status: "restoring" }
  | { status: "signedOut"; notice?: string | undefined }
  | { status: "signedIn"; user: TUser };

export type SessionStatus = SessionState["status"];

export interface SessionStore<TUser = undefined> {
  get(): SessionState<TUser>;
  subscribe(listener: () => void): () => void;
  /** An app that knows nothing about the user (the storefront asks `auth.me` when it needs to) passes none. */
  signedIn(...user: TUser extends undefined ? [] : [TUser]): void;
  /** Ends the session as far as the page is concerned, with a reason for the sign-in screen. */
  end(notice?: string): void;
}

export function createSessionStore<TUser = undefined>(): SessionStore<TUser> {
  let state: SessionState<TUser> = { status: "restoring" };
  const listeners = new Set<() => void>();
  const set = (next: SessionState<TUser>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    signedIn(...[user]) {
      if (state.status !== "signedIn" || state.user !== user) set({ status: "signedIn", user: user as TUser });
    },
    end(notice) {
      if (state.status !== "signedOut" || state.notice !== notice) set({ status: "signedOut", notice });
    },
  };
}

export function useSessionState<TUser>(store: SessionStore<TUser>): SessionState<TUser> {
  return useSyncExternalStore(store.subscribe, store.get);
}

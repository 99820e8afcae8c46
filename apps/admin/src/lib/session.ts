/**
 * Who is using the admin app. Only admins get past the login screen: a customer who signs in is
 * signed straight out again and told why. A reload restores the session through the refresh
 * cookie (the access token lives only in memory).
 */
import { createSessionStore, type SessionState, useSessionState } from "@shopwright/ui/session";

export interface AdminUser {
  id: string;
  email: string;
  name: string;
}

export const NOT_AN_ADMIN = "This account is not an admin account. Sign in with an admin account to continue.";

export const session = createSessionStore<AdminUser>();

export const useSession = (): SessionState<AdminUser> => useSessionState(session);

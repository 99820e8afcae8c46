import { type SessionStatus, useSessionState } from "@shopwright/ui/session";
import { session } from "./api.ts";

export function useSessionStatus(): SessionStatus {
  return useSessionState(session.state).status;
}

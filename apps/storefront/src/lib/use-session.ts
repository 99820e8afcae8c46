import { useSyncExternalStore } from "react";
import { session } from "./api.ts";
import type { SessionStatus } from "./session.ts";

export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(session.subscribe, session.status);
}

import { useRef } from "react";

/**
 * One idempotency key per distinct request: a retry or a double click of the same request reuses
 * the key (so the server returns the first order instead of placing a second), while a changed
 * request (another address) gets a new key (reusing one for a different request is a CONFLICT).
 */
export function useIdempotencyKey(newKey: () => string = () => crypto.randomUUID()) {
  const last = useRef<{ request: string; key: string } | null>(null);
  return (request: unknown): string => {
    const serialized = JSON.stringify(request);
    if (last.current?.request !== serialized) last.current = { request: serialized, key: newKey() };
    return last.current.key;
  };
}

/**
 * The `x-request-id` of every response, kept for the caller: the latest one to quote in a bug
 * report, and each one for an `onRequestId` listener.
 */
export type RequestIdListener = (requestId: string, call: { path: string; ok: boolean }) => void;

export function createRequestIds(listener?: RequestIdListener) {
  let last: string | undefined;
  return {
    note(requestId: string | undefined, path: string, ok: boolean) {
      if (!requestId) return;
      last = requestId;
      listener?.(requestId, { path, ok });
    },
    get last() {
      return last;
    },
  };
}

export type RequestIds = ReturnType<typeof createRequestIds>;

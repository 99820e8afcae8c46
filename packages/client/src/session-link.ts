/**
 * The tRPC link that keeps calls working across an expired access token: a call answered
 * UNAUTHORIZED is retried once after a silent refresh, and calls that fail together share that
 * one refresh. It also notes each response's request id and any guest cart token it hands out,
 * and makes every error print as one line.
 */
import type { TRPCLink } from "@trpc/client";
import type { AnyRouter } from "@trpc/server";
import { observable, type Unsubscribable } from "@trpc/server/observable";
import { NO_REFRESH } from "./auth-paths.ts";
import { isShopError, printedAsOneLine, requestIdOf, responseRequestId } from "./errors.ts";
import type { RequestIds } from "./request-ids.ts";
import type { Session } from "./session.ts";
import type { TokenStore } from "./tokens.ts";

export function sessionLink<TRouter extends AnyRouter>(
  store: TokenStore,
  session: Session,
  requestIds: RequestIds,
): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        const sentWith = store.get().accessToken;
        let subscription: Unsubscribable | undefined;
        let closed = false;
        const attempt = (retried: boolean) => {
          subscription = next(op).subscribe({
            next(envelope) {
              requestIds.note(responseRequestId(envelope.context), op.path, true);
              session.rememberCartToken(envelope.result);
              observer.next(envelope);
            },
            error(err) {
              printedAsOneLine(err);
              requestIds.note(requestIdOf(err), op.path, false);
              if (retried || !isShopError(err, "UNAUTHORIZED") || NO_REFRESH.has(op.path)) return observer.error(err);
              const current = store.get();
              // Another call refreshed while this one was in flight: its token is already fresh.
              if (current.accessToken && current.accessToken !== sentWith) return attempt(true);
              if (!sentWith && !current.refreshToken) return observer.error(err);
              session.refresh().then(
                () => closed || attempt(true),
                () => observer.error(err),
              );
            },
            complete() {
              observer.complete();
            },
          });
        };
        attempt(false);
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      });
}

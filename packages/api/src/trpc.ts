/**
 * tRPC's one setup: the context type, the error formatter, and the public procedure every tier
 * builds on. The signed-in tiers are auth's (auth/procedures.ts): middleware that narrows the
 * context, so handlers never test roles with `if`.
 */
import { isDatabaseUnreachable, isUnstorableText } from "@shopwright/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { clientMessage } from "./client-errors.ts";
import type { Context } from "./context.ts";
import { badRequest, DATABASE_UNAVAILABLE, DomainError, unavailable } from "./errors.ts";

/** What the API reference (docs/api-reference.md) says of a procedure: who may call it. Each tier says it. */
export interface ProcedureMeta {
  access: string;
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      return {
        ...shape,
        // Nothing a server knows about its own failure (stack, SQL, driver text) reaches a client.
        message: clientMessage(error),
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          zodError: cause instanceof z.ZodError ? z.flattenError(cause) : null,
          // The facts a client needs to word the issue for people: which rule, and its bound.
          issues: cause instanceof z.ZodError ? cause.issues.map(issueFacts) : null,
          details: cause instanceof DomainError ? (cause.details ?? null) : null,
        },
      };
    },
  });

function issueFacts(issue: z.core.$ZodIssue) {
  const { path, message, code } = issue;
  const bound = (value: unknown) => (typeof value === "bigint" ? Number(value) : value);
  return {
    path,
    message,
    code,
    ...("minimum" in issue ? { minimum: bound(issue.minimum) } : {}),
    ...("maximum" in issue ? { maximum: bound(issue.maximum) } : {}),
    ...("origin" in issue ? { origin: issue.origin } : {}),
    ...("format" in issue ? { format: issue.format } : {}),
  };
}

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/**
 * Turns the domain errors services throw into the API's error codes. A character Postgres cannot
 * store is refused by every input schema; should one slip through, it is still the caller's
 * BAD_REQUEST, not our 500. A database that does not answer is SERVICE_UNAVAILABLE: the same call
 * can succeed in a moment, which a client (or the proxy's retry) can act on; the driver's error
 * stays the cause, for the log.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const original = result.error.cause;
  const cause = isUnstorableText(original)
    ? badRequest("The input contains a character that cannot be stored (a NUL byte or half an emoji)")
    : isDatabaseUnreachable(original)
      ? unavailable(DATABASE_UNAVAILABLE, original)
      : original;
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  return result;
});

/**
 * Times every procedure and reports its outcome by procedure name, so batched HTTP calls are
 * still measured one procedure at a time. Outermost, so it sees the mapped error code.
 */
const observed = t.middleware(async ({ ctx, path, next }) => {
  const started = performance.now();
  const result = await next();
  ctx.observer.observe(path, (performance.now() - started) / 1000, result.ok ? "OK" : result.error.code);
  return result;
});

export const publicProcedure = t.procedure.meta({ access: "anyone" }).use(observed).use(domainErrors);

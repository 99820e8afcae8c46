/**
 * Constraint violations, recognised on every dialect. Drizzle wraps driver errors, so the
 * driver's own error is looked for along the `cause` chain.
 */
const PG_CODES = {
  unique: ["23505"],
  check: ["23514"],
  // Postgres 18 reports an ON DELETE RESTRICT refusal as restrict_violation (23001); before, and
  // for every other foreign key refusal, it is foreign_key_violation (23503).
  foreignKey: ["23503", "23001"],
} as const;
const SQLITE_CODES = {
  unique: ["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"],
  check: ["SQLITE_CONSTRAINT_CHECK"],
  foreignKey: ["SQLITE_CONSTRAINT_FOREIGNKEY"],
} as const;

type Violation = keyof typeof PG_CODES;

function codes(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") found.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return found;
}

export function isConstraintViolation(error: unknown, kind: Violation): boolean {
  const seen = codes(error);
  return (
    PG_CODES[kind].some((code) => seen.includes(code)) ||
    SQLITE_CODES[kind].some((code) => seen.includes(code)) ||
    (kind === "foreignKey" && isSqliteRestrict(error))
  );
}

/**
 * SQLite enforces ON DELETE RESTRICT the way it runs a trigger: the refusal comes as
 * SQLITE_CONSTRAINT_TRIGGER, told apart from a trigger's own RAISE only by its message.
 */
function isSqliteRestrict(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const c = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (c.code === "SQLITE_CONSTRAINT_TRIGGER" && c.message === "FOREIGN KEY constraint failed") return true;
    current = c.cause;
  }
  return false;
}

/** The constraint's name where the driver reports it (Postgres does; SQLite names columns). */
export function violatedConstraint(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const c = current as { constraint?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.constraint === "string") return c.constraint;
    if (typeof c.message === "string" && /constraint failed/.test(c.message)) return c.message;
    current = c.cause;
  }
  return undefined;
}

/**
 * Postgres refusing a character it cannot store: 22021 (not in the encoding, e.g. NUL in text)
 * or 22P05 (untranslatable, e.g. \u0000 in jsonb). Inputs are checked before they get here; this
 * is the net under that check.
 */
export function isUnstorableText(error: unknown): boolean {
  return codes(error).some((code) => code === "22021" || code === "22P05");
}

/** Node's socket errors and Postgres's "shutting down / starting up / too many clients" states. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
/** node-postgres says these in words only: no free connection in time, a dropped or silent server. */
const UNREACHABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|not queryable|the database system is (shutting down|starting up)/i;

/**
 * The database did not answer (down, restarting, unreachable, out of connections) — as opposed to
 * refusing a statement. The request can succeed later unchanged, so it is the shop's outage, not
 * the caller's mistake and not a bug.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && UNREACHABLE_CODES.has(code)) return true;
    if (typeof message === "string" && UNREACHABLE_MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

/**
 * What a log may say about a failed query: the SQL with its placeholders, the database's error
 * code, and the constraint, table and column it names. Never the parameters, nor a database
 * server's message or detail, which quote values ("invalid input syntax for type integer:
 * \"ada@…\"", "Key (email)=(…) already exists"); a failure on the client's side (a refused
 * connection, a closed pool) quotes none and is kept. The stack keeps its frames only, since its
 * first line is the message. Undefined for an error that did not come from a query.
 */
export function loggableQueryError(error: unknown): Record<string, unknown> | undefined {
  let query: string | undefined;
  let driver: Record<string, unknown> | undefined;
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 6; depth++) {
    const c = current as Record<string, unknown>;
    if (query === undefined && typeof c.query === "string" && Array.isArray(c.params)) query = c.query;
    else if (query !== undefined) {
      driver = c;
      break;
    }
    current = c.cause;
  }
  if (query === undefined) return undefined;
  const named = (key: string) => (typeof driver?.[key] === "string" ? { [key]: driver[key] } : {});
  const code = typeof driver?.code === "string" ? driver.code : undefined;
  // A database server's error has a severity; only the client's own failures are safe to quote.
  const reason = driver && driver.severity === undefined && typeof driver.message === "string" ? driver.message : "";
  const message = `A query failed${code ? ` with ${code}` : ""}${reason ? `: ${reason}` : ""}`;
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)) : [];
  return {
    type: "QueryError",
    message,
    ...named("code"),
    ...named("constraint"),
    ...named("table"),
    ...named("column"),
    query,
    stack: [`QueryError: ${message}`, ...frames].join("\n"),
  };
}

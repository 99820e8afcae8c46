/**
 * Which fields hold secrets or personal data, by name, wherever they appear: the server's logs
 * leave them out, and the admin's view of a job's payload masks them. One list, so a field added
 * to a job or a request is hidden in both places or neither.
 */
export const SECRET_FIELDS: readonly string[] = [
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "accessToken",
  "refreshToken",
  "cartToken",
  // A guest's order link, as checkout hands it to the guest.
  "orderToken",
  // An emailed link's token is derived from its seed; an address is personal data, and may say
  // whether an account exists.
  "seed",
  "email",
  "newEmail",
  "authorization",
  "cookie",
];

const secret = new Set(SECRET_FIELDS.map((name) => name.toLowerCase()));

export const isSecretField = (name: string): boolean => secret.has(name.toLowerCase());

export const REDACTED = "[redacted]";

/**
 * A copy of `value` with every secret field's value, at any depth of its arrays and plain objects,
 * replaced by "[redacted]". Anything else (an Error, a Date) is kept as it is, for the logger's own
 * serializers.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, isSecretField(key) ? REDACTED : redactSecrets(inner)]),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The same fields as pino redaction paths (pino matches exact paths, with `*` for one level):
 * at the top of a log line, one level down (`input.password`), and in request headers.
 */
export const LOG_REDACT_PATHS: readonly string[] = SECRET_FIELDS.flatMap((name) => [name, `*.${name}`]).concat(
  "req.headers.authorization",
  "req.headers.cookie",
);

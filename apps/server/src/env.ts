/**
 * The environment, parsed once. This is the only file that reads `process.env` for the server;
 * a bad value stops the start with a message naming the variable.
 */
import { z } from "zod";

const flag = (fallback: "on" | "off") =>
  z
    .enum(["on", "off", "true", "false", "1", "0"])
    .default(fallback)
    .transform((v) => v === "on" || v === "true" || v === "1");

const optionalFile = z.string().min(1).optional();

const fields = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** A streaming replica of DATABASE_URL: public catalog reads go there when it has caught up. */
  DATABASE_READ_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** `auto`: this process brings the schema up to date at start; `off`: `pnpm migrate` did, before. */
  MIGRATE: z.enum(["auto", "off"]).default("auto"),
  /**
   * On SIGTERM, how long /readyz answers 503 while requests are still served, before the
   * listener closes: long enough for the proxy's health checks to take the process out.
   */
  SHUTDOWN_DRAIN_SECONDS: z.coerce.number().int().min(0).max(60).default(0),
  DATA_DIR: z.string().min(1).default(".data"),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  WORKER: z.enum(["inline", "off"]).default("inline"),
  /**
   * How long a worker may be silent before its running jobs are given to another (docs/jobs.md):
   * the delay before a killed worker's jobs run again, and the longest a live one may freeze.
   */
  WORKER_STALE_AFTER_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  SEED: z.enum(["auto", "off"]).default("auto"),
  RATE_LIMITS: flag("on"),
  /** Memory for cached public catalog answers, in MiB; 0 turns the memory cache off. */
  CATALOG_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** The bench's ceiling procedure; only `pnpm bench` turns it on. */
  BENCH_CEILING: flag("off"),
  ADMIN_EMAIL: z.email().default("admin@shopwright.test"),
  ADMIN_PASSWORD: z.string().min(8).max(256).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TLS_CERT_FILE: optionalFile,
  TLS_KEY_FILE: optionalFile,
  /** "false", "true" (one proxy in front) or the number of proxies in front. */
  TRUST_PROXY: z
    .union([z.enum(["true", "false"]), z.coerce.number().int().min(0).max(10)])
    .default("false")
    .transform((v) => (v === "true" ? 1 : v === "false" ? 0 : v)),
  /** Opens /metrics on the shop's port to `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Serves /metrics on its own loopback listener at this port. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  PAYMENT_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(30),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  /** Path-style requests (`endpoint/bucket/key`), which MinIO and most S3-compatible services want. */
  S3_FORCE_PATH_STYLE: flag("on"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Where browsers can fetch the bucket's public objects (a CDN or the bucket's public URL). */
  S3_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** `proxy`: the shop streams images from the bucket; `redirect`: it sends browsers to S3_PUBLIC_URL. */
  MEDIA_DELIVERY: z.enum(["proxy", "redirect"]).default("proxy"),
};

const schema = z.object(fields).superRefine((env, ctx) => {
  if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
    ctx.addIssue({ code: "custom", path: ["TLS_KEY_FILE"], message: "TLS_CERT_FILE and TLS_KEY_FILE go together" });
  }
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
    ctx.addIssue({ code: "custom", path: ["METRICS_PORT"], message: "must differ from PORT" });
  }
  if (env.NODE_ENV === "production" && env.DATABASE_URL) {
    for (const name of ["JWT_SECRET", "WEBHOOK_SECRET"] as const) {
      if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required in production" });
    }
  }
  if (env.DATABASE_READ_URL && !env.DATABASE_URL) {
    ctx.addIssue({ code: "custom", path: ["DATABASE_READ_URL"], message: "needs DATABASE_URL (the primary) too" });
  }
  if (env.DATABASE_READ_URL && env.DATABASE_URL && sameServer(env.DATABASE_READ_URL, env.DATABASE_URL)) {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_READ_URL"],
      message: "names the same server as DATABASE_URL; set it to a replica's address, or leave it unset",
    });
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    ctx.addIssue({
      code: "custom",
      path: ["S3_SECRET_ACCESS_KEY"],
      message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together",
    });
  }
  if (env.MEDIA_DELIVERY === "redirect" && !(env.S3_BUCKET && env.S3_PUBLIC_URL)) {
    ctx.addIssue({ code: "custom", path: ["MEDIA_DELIVERY"], message: "redirect needs S3_BUCKET and S3_PUBLIC_URL" });
  }
});

/** The same host, port and database: a "replica" that is the primary itself. */
function sameServer(a: string, b: string): boolean {
  const where = (url: string) => {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  };
  return where(a) === where(b);
}

export type Env = z.output<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  return parseWith(schema, source);
}

/**
 * `pnpm migrate` needs the database and nothing else: not the secrets production asks of a server,
 * which the step that migrates before a rollout may not be given.
 */
const migrateSchema = z.object({ DATABASE_URL: fields.DATABASE_URL, LOG_LEVEL: fields.LOG_LEVEL });

export function parseMigrateEnv(
  source: Record<string, string | undefined> = process.env,
): z.output<typeof migrateSchema> {
  return parseWith(migrateSchema, source);
}

function parseWith<S extends z.ZodType>(target: S, source: Record<string, string | undefined>): z.output<S> {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = target.safeParse(blankAsUnset);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

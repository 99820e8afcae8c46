import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiConfig, S3Config } from "@shopwright/api/server";
import type { Env } from "./env.ts";
import { type LocalSecrets, localSecrets } from "./secrets.ts";

export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The API's configuration from the environment, shared by the server and `pnpm worker`. */
export function apiConfig(env: Env): { config: ApiConfig; dataDir: string; secrets: LocalSecrets | undefined } {
  const dataDir = resolve(repoRoot, env.DATA_DIR);
  const tls = Boolean(env.TLS_CERT_FILE && env.TLS_KEY_FILE);
  const secrets = env.JWT_SECRET && env.WEBHOOK_SECRET && env.ADMIN_PASSWORD ? undefined : localSecrets(dataDir);
  const publicUrl = (env.PUBLIC_URL ?? `${tls ? "https" : "http"}://${env.HOST}:${env.PORT}`).replace(/\/$/, "");
  return {
    dataDir,
    secrets,
    config: {
      publicUrl,
      jwtSecret: env.JWT_SECRET ?? secrets!.jwtSecret,
      webhookSecret: env.WEBHOOK_SECRET ?? secrets!.webhookSecret,
      gatewayUrl: `${publicUrl}/mockpay`,
      rateLimits: env.RATE_LIMITS,
      paymentTimeoutMinutes: env.PAYMENT_TIMEOUT_MINUTES,
      simulatedPayments: env.NODE_ENV !== "production",
      mediaDir: resolve(dataDir, "media"),
      ...(env.S3_BUCKET ? { s3: s3Config(env, env.S3_BUCKET) } : {}),
    },
  };
}

function s3Config(env: Env, bucket: string): S3Config {
  return {
    bucket,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    publicUrl: env.MEDIA_DELIVERY === "redirect" ? env.S3_PUBLIC_URL?.replace(/\/$/, "") : undefined,
  };
}

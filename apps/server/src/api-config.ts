import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ApiConfig } from "@shopwright/api/server";
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
      mediaDir: resolve(dataDir, "media"),
    },
  };
}

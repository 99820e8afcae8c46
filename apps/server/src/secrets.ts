import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface LocalSecrets {
  jwtSecret: string;
  webhookSecret: string;
  adminPassword: string;
}

/**
 * Secrets for a local shop with no configuration: generated on first start and kept in
 * DATA_DIR/secrets.json (mode 0600), so sessions and the admin login survive a restart.
 */
export function localSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(32).toString("base64url"),
    webhookSecret: randomBytes(24).toString("base64url"),
    adminPassword: randomBytes(9).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

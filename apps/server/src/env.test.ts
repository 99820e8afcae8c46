import { describe, expect, it } from "vitest";
import { apiConfig } from "./api-config.ts";
import { parseEnv, parseMigrateEnv } from "./env.ts";

describe("parseEnv", () => {
  it("needs nothing for a local shop", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: ".data", WORKER: "inline", RATE_LIMITS: true, TRUST_PROXY: 0 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ JWT_SECRET: "short" })).toThrow(/JWT_SECRET: must be at least 32/);
    expect(() => parseEnv({ TLS_CERT_FILE: "/c.pem" })).toThrow(/TLS_KEY_FILE/);
  });

  it("requires real secrets in production against a real database", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/shop" })).toThrow(/JWT_SECRET/);
  });

  it("allows simulated payments in development and test, never in production", () => {
    const secrets = { JWT_SECRET: "j".repeat(32), WEBHOOK_SECRET: "w".repeat(16), ADMIN_PASSWORD: "admin password" };
    const simulated = (NODE_ENV?: string) => apiConfig(parseEnv({ ...secrets, NODE_ENV })).config.simulatedPayments;
    expect([simulated(), simulated("development"), simulated("test"), simulated("production")]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it("reads the metrics token and port", () => {
    expect(parseEnv({ METRICS_TOKEN: "t".repeat(16), METRICS_PORT: "9464" })).toMatchObject({
      METRICS_TOKEN: "t".repeat(16),
      METRICS_PORT: 9464,
    });
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16/);
    expect(() => parseEnv({ METRICS_PORT: "3000" })).toThrow(/METRICS_PORT: must differ from PORT/);
  });

  it("reads TRUST_PROXY as a number of proxies", () => {
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  });

  it("takes an S3 bucket with its settings, and refuses half a credential or a redirect with nowhere to go", () => {
    const s3 = { S3_BUCKET: "shop-media", S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "auto" };
    expect(parseEnv(s3)).toMatchObject({ ...s3, S3_FORCE_PATH_STYLE: true, MEDIA_DELIVERY: "proxy" });
    expect(() => parseEnv({ ...s3, S3_ACCESS_KEY_ID: "key" })).toThrow(/S3_SECRET_ACCESS_KEY: .*go together/);
    expect(() => parseEnv({ ...s3, MEDIA_DELIVERY: "redirect" })).toThrow(/MEDIA_DELIVERY: redirect needs/);
    expect(() => parseEnv({ S3_ENDPOINT: "ftp://x" })).toThrow(/S3_ENDPOINT/);
  });

  it("takes a read replica beside the primary, and refuses one that is the primary or has no primary", () => {
    const primary = "postgres://shop:pw@db-primary:5432/shop";
    const replica = "postgres://shop:pw@db-replica:5432/shop";
    expect(parseEnv({ DATABASE_URL: primary, DATABASE_READ_URL: replica }).DATABASE_READ_URL).toBe(replica);
    expect(() =>
      parseEnv({ DATABASE_URL: primary, DATABASE_READ_URL: "postgres://reader:other@db-primary/shop" }),
    ).toThrow(/DATABASE_READ_URL: names the same server as DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_READ_URL: replica })).toThrow(/DATABASE_READ_URL: needs DATABASE_URL/);
  });

  it("lets pnpm migrate run in production with the database alone, the server's secrets not needed", () => {
    const migrating = { NODE_ENV: "production", DATABASE_URL: "postgres://db/shop" };
    expect(parseMigrateEnv(migrating).DATABASE_URL).toBe("postgres://db/shop");
    expect(() => parseMigrateEnv({ DATABASE_URL: "mysql://db/shop" })).toThrow(/DATABASE_URL/);
  });
});

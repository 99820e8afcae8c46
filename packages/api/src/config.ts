/** What the API needs to know about its deployment; the server builds it from the environment. */
export interface ApiConfig {
  /** The shop's public origin, e.g. http://127.0.0.1:3000 (links in emails, redirects). */
  publicUrl: string;
  /** HMAC key for access tokens. */
  jwtSecret: string;
  /** Shared with the payment gateway: signs and verifies webhooks. */
  webhookSecret: string;
  /** Where the payment gateway's API lives (the simulated one is served at `${publicUrl}/mockpay`). */
  gatewayUrl: string;
  /** Rate limits on login and register; off only for load tests. */
  rateLimits: boolean;
  paymentTimeoutMinutes: number;
  /**
   * Whether scripts may decide a simulated payment themselves (`payments.simulate`): in development
   * and test, never in production, where a payment is decided by the shopper alone.
   */
  simulatedPayments: boolean;
  /** Where product images are kept when no bucket is set (`${DATA_DIR}/media`, served at /media). */
  mediaDir: string;
  /** Set: product images live in this S3-compatible bucket, shared by every server and worker. */
  s3?: S3Config;
}

export interface S3Config {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, R2 …); unset means AWS S3. */
  endpoint?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible services want. */
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (instance roles, AWS_* variables, profiles). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /**
   * Set: `/media/<key>` redirects browsers (or a CDN) to `${publicUrl}/<key>` for public keys;
   * unset: the shop proxies the bucket itself.
   */
  publicUrl?: string;
}

/** Cookies are Secure exactly when the shop is served over HTTPS. */
export const secureCookies = (config: ApiConfig) => config.publicUrl.startsWith("https:");

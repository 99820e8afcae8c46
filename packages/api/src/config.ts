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
  /** Where product images are kept (`${DATA_DIR}/media`, served at /media). */
  mediaDir: string;
}

/** Cookies are Secure exactly when the shop is served over HTTPS. */
export const secureCookies = (config: ApiConfig) => config.publicUrl.startsWith("https:");

import type { Db } from "@shopwright/db";
import type { ApiConfig } from "./config.ts";
import type { Logger } from "./logger.ts";

export interface CookieOptions {
  maxAgeSeconds?: number;
  path?: string;
  /** Leaves out HttpOnly so page scripts can read it: only for values that are no secret. */
  readableByPage?: boolean;
}

/** The transport's cookie jar, as procedures see it (attributes are set by the HTTP adapter). */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options?: CookieOptions): void;
  delete(name: string, options?: Pick<CookieOptions, "path">): void;
}

/** Everything a procedure may know about the request that called it. */
export interface RequestInfo {
  requestId: string;
  /** The client's address, as trusted by the server's proxy setting. */
  ip: string;
  userAgent: string | undefined;
  /** The bearer token from `Authorization`, if any. */
  accessToken: string | undefined;
  /** The guest cart token from the `CART_TOKEN_HEADER` header (or the `CART_COOKIE` cookie). */
  cartToken: string | undefined;
}

/** Where each procedure call's duration and outcome go (Prometheus in the server). */
export interface ProcedureObserver {
  observe(procedure: string, seconds: number, code: string): void;
}

/**
 * Runs a public catalog read (search, a product page, the category tree) where the deployment
 * wants it: on a read replica that has caught up with the catalog, else on the primary.
 */
export type CatalogReader = <T>(read: (db: Db) => Promise<T>) => Promise<T>;

/** A type alias, not an interface, so it fits tRPC adapters that want a plain record. */
export type Context = {
  db: Db;
  /** Where public catalog reads run (a replica, see CatalogReader); absent, on `db`. */
  readCatalog?: CatalogReader;
  config: ApiConfig;
  log: Logger;
  req: RequestInfo;
  cookies: CookieJar;
  observer: ProcedureObserver;
};

/**
 * Where `pnpm dev` serves each part, declared once for the dev script and both apps' Vite configs.
 * The storefront's dev server is the shop's address in development, as the server is in
 * production: it serves the storefront, passes the admin app (and its hot-reload socket) to the
 * admin's dev server, and the API's paths to the API, so links in emails and the payment page's
 * return address work as they do in production.
 */
export const DEV = {
  /** The API server (`tsx watch`), behind the storefront's dev server. */
  api: { host: "127.0.0.1", port: 3000, origin: "http://127.0.0.1:3000" },
  storefront: { host: "127.0.0.1", port: 5173, origin: "http://127.0.0.1:5173" },
  admin: { host: "127.0.0.1", port: 5174, origin: "http://127.0.0.1:5174" },
} as const;

/** The paths the API server answers, passed on by a dev server that serves an app. */
export const API_PATHS = ["/trpc", "/media", "/mockpay", "/webhooks", "/healthz", "/readyz"] as const;

/**
 * Vite's `server.proxy` for the API's paths. The API trusts cookie-carrying calls only from its
 * public origin, which in development is the storefront's dev server, so that is the origin the
 * calls present whichever app's page made them.
 */
export function apiProxy() {
  const target = DEV.api.origin;
  return Object.fromEntries(
    API_PATHS.map((path) => [path, { target, headers: { origin: DEV.storefront.origin } }] as const),
  );
}

/** The part of Vite's Plugin type `adminWithoutSlash` uses; spelled out because scripts/ cannot resolve vite. */
interface DevServerPlugin {
  name: string;
  apply: "serve";
  configureServer(server: {
    middlewares: {
      use(handler: (req: { url?: string }, res: DevResponse, next: () => void) => void): void;
    };
  }): void;
}

interface DevResponse {
  writeHead(status: number, headers: Record<string, string>): void;
  end(): void;
}

/**
 * `/admin` to `/admin/`, as the server does in production: the admin's dashboard link is `/admin`,
 * which its dev server (based at `/admin/`) would answer with a not-found page on a reload.
 */
export function adminWithoutSlash(): DevServerPlugin {
  return {
    name: "shopwright:admin-without-slash",
    apply: "serve",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== "/admin" && !req.url?.startsWith("/admin?")) return next();
        res.writeHead(302, { location: `/admin/${req.url.slice("/admin".length)}` });
        res.end();
      });
    },
  };
}

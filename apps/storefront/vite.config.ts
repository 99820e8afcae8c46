import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { adminWithoutSlash, apiProxy, DEV } from "../../scripts/dev-addresses.ts";
import { precompress } from "../../scripts/vite-precompress.ts";

export default defineConfig(({ command }) => ({
  base: "/",
  plugins: [react(), precompress(), adminWithoutSlash()],
  // The build runs on Preact's React-compatible layer in place of react-dom: 56 KiB less
  // JavaScript (Brotli) on every first visit, for the same components and hooks. The dev server
  // and the tests (happy-dom) run on React itself: React's Fast Refresh, which keeps a page's state
  // across an edit, cannot drive Preact (the edit arrives and nothing re-renders).
  resolve:
    command === "build"
      ? {
          alias: [
            { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
            { find: /^react-dom$/, replacement: "preact/compat" },
            { find: /^react\/jsx-(dev-)?runtime$/, replacement: "preact/jsx-runtime" },
            { find: /^react$/, replacement: "preact/compat" },
          ],
          // One Preact for every importer, packages/ui's files included, resolved from this app.
          dedupe: ["preact"],
        }
      : {},
  // `pnpm dev`: this dev server is the shop's address, as the server is in production. It passes
  // the API's paths to the API and /admin/ (hot-reload socket included) to the admin's dev server.
  server: {
    host: DEV.storefront.host,
    port: DEV.storefront.port,
    strictPort: true,
    proxy: {
      ...apiProxy(),
      "/admin": { target: DEV.admin.origin, ws: true },
    },
  },
}));

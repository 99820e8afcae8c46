import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "../../scripts/vite-precompress.ts";

const api = "http://127.0.0.1:3000";

export default defineConfig({
  base: "/",
  plugins: [react(), precompress()],
  resolve: {
    // Preact's React-compatible layer in place of react-dom: 56 KiB less JavaScript (Brotli) on
    // every first visit, for the same components and hooks. Tests (happy-dom) run on React itself.
    alias: [
      { find: /^react-dom\/client$/, replacement: "preact/compat/client" },
      { find: /^react-dom$/, replacement: "preact/compat" },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: "preact/jsx-runtime" },
      { find: /^react$/, replacement: "preact/compat" },
    ],
    // One Preact for every importer, packages/ui's files included, resolved from this app.
    dedupe: ["preact"],
  },
  server: {
    // In development the API runs separately (pnpm dev); the SPA calls it through this proxy, which
    // presents the API's own origin, since the API refuses cookie-carrying calls from other origins.
    proxy: {
      "/trpc": { target: api, headers: { origin: api } },
      "/media": api,
      "/mockpay": api,
    },
  },
});

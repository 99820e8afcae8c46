import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "../../scripts/vite-precompress.ts";

const api = "http://127.0.0.1:3000";

export default defineConfig({
  base: "/admin/",
  plugins: [react(), precompress()],
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

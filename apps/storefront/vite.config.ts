import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "../../scripts/vite-precompress.ts";

export default defineConfig({
  base: "/",
  plugins: [react(), precompress()],
  server: {
    // In development the API runs separately (pnpm dev); the SPA calls it through this proxy.
    proxy: { "/trpc": "http://127.0.0.1:3000", "/media": "http://127.0.0.1:3000", "/mockpay": "http://127.0.0.1:3000" },
  },
});

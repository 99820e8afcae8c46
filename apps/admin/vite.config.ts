import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { apiProxy, DEV } from "../../scripts/dev-addresses.ts";
import { precompress } from "../../scripts/vite-precompress.ts";

export default defineConfig({
  base: "/admin/",
  plugins: [react(), precompress()],
  // `pnpm dev`: reached through the storefront's dev server at /admin/ (scripts/dev-addresses.ts),
  // or here directly; either way the API's paths go to the API.
  server: {
    host: DEV.admin.host,
    port: DEV.admin.port,
    strictPort: true,
    proxy: apiProxy(),
  },
});

import "./styles/global.css";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { queryClient, session, shop } from "./lib/api.ts";
import { router } from "./router.tsx";

// The access token is kept in memory only: a fresh page asks for one with the refresh cookie.
void session.restore(() => shop.restoreSession());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);

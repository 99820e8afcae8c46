import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ComponentType } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";

/**
 * Renders one page at `url` inside a memory router (with `others`, the pages its links lead to);
 * the router is returned to read the URL.
 */
export function renderPage(
  Page: ComponentType,
  options: { path: string; url: string; queryClient: QueryClient; others?: Record<string, ComponentType> },
) {
  const router = createMemoryRouter(
    [
      { path: options.path, Component: Page },
      ...Object.entries(options.others ?? {}).map(([path, Component]) => ({ path, Component })),
      { path: "*", Component: () => null },
    ],
    { initialEntries: [options.url] },
  );
  render(
    <QueryClientProvider client={options.queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

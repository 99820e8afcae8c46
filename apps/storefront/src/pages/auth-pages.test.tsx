import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server, session } from "../test-utils/stub-api.ts";
import { invalidInput } from "../test-utils/stub-shop.ts";
import { LoginPage, RegisterPage } from "./auth-pages.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
  session.set({});
});

describe("sign-in forms", () => {
  it("puts the server's validation messages next to their fields", async () => {
    server.on("auth.register", () => {
      throw invalidInput([
        { path: ["email"], message: "Invalid email address" },
        { path: ["password"], message: "Too small: expected string to have >=8 characters" },
      ]);
    });
    renderPage(RegisterPage, { path: "/register", url: "/register", queryClient });

    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Ada" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "short" } });
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));

    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(email.getAttribute("aria-describedby")!)?.textContent).toBe("Invalid email address");
    expect(screen.getByText("Too small: expected string to have >=8 characters")).toBeTruthy();
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBeNull();
  });

  it("sends the guest cart along at login, then forgets it and follows `next`", async () => {
    session.set({ cartToken: "guest-cart-token" });
    server.on("auth.login", () => ({ accessToken: "access-1", user: { id: "usr_1" } }));
    const router = renderPage(LoginPage, { path: "/login", url: "/login?next=/checkout", queryClient });

    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@example.com" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "correct horse battery" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    await waitFor(() => expect(router.state.location.pathname).toBe("/checkout"));
    expect(server.callsTo("auth.login")[0]?.input).toEqual({
      email: "ada@example.com",
      password: "correct horse battery",
      tokenDelivery: "cookie",
      cartToken: "guest-cart-token",
    });
    expect(session.accessToken).toBe("access-1");
    expect(session.get().cartToken).toBeUndefined();
  });

  it("never follows `next` to another site", async () => {
    server.on("auth.login", () => ({ accessToken: "access-1", user: { id: "usr_1" } }));
    const router = renderPage(LoginPage, { path: "/login", url: "/login?next=//evil.example/x", queryClient });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@example.com" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "correct horse battery" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  });
});

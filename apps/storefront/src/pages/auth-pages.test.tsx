import { BLANK_PASSWORD_MESSAGE } from "@shopwright/client";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { TRPCError } from "@trpc/server";
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

const messageOf = (input: HTMLElement) =>
  (input.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent)
    .at(-1);

describe("sign-in forms", () => {
  it("reports every problem at once before sending, moves focus to the first, and clears each once fixed", async () => {
    renderPage(RegisterPage, { path: "/register", url: "/register", queryClient });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: " ".repeat(8) } });
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));

    const [name, email, password] = ["Name", "Email", "Password"].map((label) => screen.getByLabelText(label));
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect([name, email, password].map((input) => input!.getAttribute("aria-invalid"))).toEqual([
      "true",
      "true",
      "true",
    ]);
    expect([name, email, password].map((input) => messageOf(input!))).toEqual([
      "Enter your name",
      "Enter a valid email address",
      BLANK_PASSWORD_MESSAGE,
    ]);
    expect(server.callsTo("auth.register")).toEqual([]);

    fireEvent.change(name!, { target: { value: "Ada" } });
    expect(name!.getAttribute("aria-invalid")).toBeNull();
    expect(email!.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(email!, { target: { value: "ada@example.com" } });
    expect(email!.getAttribute("aria-invalid")).toBeNull();
  });

  it("puts the server's messages next to their fields, and takes one away when its field changes", async () => {
    server.on("auth.register", () => {
      throw invalidInput([
        { path: ["email"], message: "This address cannot receive email" },
        { path: ["password"], message: "This password is one of the most common; choose one that is harder to guess" },
      ]);
    });
    renderPage(RegisterPage, { path: "/register", url: "/register", queryClient });
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Ada" } });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@example.com" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "password123" } });
    fireEvent.click(screen.getByRole("button", { name: "Create account" }));

    const email = screen.getByLabelText("Email");
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(messageOf(email)).toBe("This address cannot receive email");
    expect(screen.getByText(/one of the most common/)).toBeTruthy();
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBeNull();

    fireEvent.change(email, { target: { value: "ada@example.org" } });
    expect(email.getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByText(/one of the most common/)).toBeTruthy();
  });

  it("says in words when the shop cannot be reached, with focus on the message and a Try again that sends again", async () => {
    server.setReachable(false);
    server.on("auth.login", () => ({ accessToken: "access-1", user: { id: "usr_1" } }));
    const router = renderPage(LoginPage, { path: "/login", url: "/login", queryClient });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@example.com" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "correct horse battery" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("We can't reach the shop. Check your connection and try again.");
    await waitFor(() => expect(document.activeElement).toBe(alert));
    server.setReachable(true);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
  });

  it("shows the password when asked, and hides it again", () => {
    renderPage(LoginPage, { path: "/login", url: "/login", queryClient });
    const password = screen.getByLabelText("Password");
    expect(password.getAttribute("type")).toBe("password");
    fireEvent.click(screen.getByRole("button", { name: "Show password" }));
    expect(password.getAttribute("type")).toBe("text");
    expect(screen.getByRole("button", { name: "Show password" }).getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(screen.getByRole("button", { name: "Show password" }));
    expect(password.getAttribute("type")).toBe("password");
  });

  it("keeps a refusal that no field explains for the form", async () => {
    server.on("auth.login", () => {
      throw new TRPCError({ code: "UNAUTHORIZED", message: "That email and password do not match an account" });
    });
    renderPage(LoginPage, { path: "/login", url: "/login", queryClient });
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "ada@example.com" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "wrong password" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("That email and password do not match an account");
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
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

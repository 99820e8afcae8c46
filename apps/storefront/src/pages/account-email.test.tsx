import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../lib/types.ts";
import { renderPage } from "../test-utils/render.tsx";
import { queryClient, server } from "../test-utils/stub-api.ts";
import { invalidInput } from "../test-utils/stub-shop.ts";
import { AccountEmail } from "./account-email.tsx";

vi.mock("../lib/api.ts", () => import("../test-utils/stub-api.ts"));

afterEach(() => {
  cleanup();
  server.reset();
  queryClient.clear();
});

const ME: Me = {
  id: "usr_1",
  email: "ada@example.com",
  name: "Ada",
  role: "customer",
  emailVerified: false,
  shippingAddress: null,
};

const show = (me: Me) => renderPage(() => <AccountEmail me={me} />, { path: "/account", url: "/account", queryClient });

describe("the account's email", () => {
  it("asks an unverified account to verify, and sends the link again on request", async () => {
    server.on("auth.requestEmailVerification", () => ({ ok: true }));
    show(ME);
    expect(screen.getByText(/Not verified yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Send the link again" }));
    await screen.findByText(/We have sent the link again/);
    expect(server.callsTo("auth.requestEmailVerification")).toHaveLength(1);
  });

  it("says nothing of verifying once the email is verified", () => {
    show({ ...ME, emailVerified: true });
    expect(screen.getByText(/Verified/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send the link again" })).toBeNull();
  });

  it("changes the email with the password, and says the old one stays until the new one's link is followed", async () => {
    server.on("auth.requestEmailChange", (input: { password: string }) => {
      if (input.password !== "correct horse battery") {
        throw invalidInput([{ path: ["password"], message: "The password is incorrect" }]);
      }
      return { ok: true };
    });
    show({ ...ME, emailVerified: true });
    fireEvent.change(screen.getByLabelText("New email"), { target: { value: " grace@example.com " } });
    fireEvent.change(screen.getByLabelText("Current password"), { target: { value: "wrong" } });
    fireEvent.click(screen.getByRole("button", { name: "Change email" }));
    await waitFor(() => expect(screen.getByLabelText("Current password").getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("The password is incorrect")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Current password"), { target: { value: "correct horse battery" } });
    fireEvent.click(screen.getByRole("button", { name: "Change email" }));
    await screen.findByText(/Your email stays ada@example.com until you follow it/);
    expect(server.callsTo("auth.requestEmailChange").at(-1)?.input).toEqual({
      newEmail: "grace@example.com",
      password: "correct horse battery",
    });
  });
});

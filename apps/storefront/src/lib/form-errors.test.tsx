import { describe, expect, it } from "vitest";
import { formErrors } from "./form-errors.ts";

describe("formErrors", () => {
  it("puts each zod issue next to its field, first message winning", () => {
    const error = {
      message: "Invalid input",
      data: {
        code: "BAD_REQUEST",
        issues: [
          { path: ["email"], message: "Invalid email address" },
          { path: ["shippingAddress", "country"], message: "Use a two-letter country code" },
          { path: ["email"], message: "Too long" },
        ],
      },
    };
    expect(formErrors(error)).toEqual({
      fields: { email: "Invalid email address", "shippingAddress.country": "Use a two-letter country code" },
      form: undefined,
    });
  });

  it("falls back to zod's flattened field errors", () => {
    const error = { message: "x", data: { zodError: { fieldErrors: { password: ["Too short"] } } } };
    expect(formErrors(error).fields).toEqual({ password: "Too short" });
  });

  it("shows the server's message for the form when no field is to blame", () => {
    const error = { message: "An account with this email already exists", data: { code: "CONFLICT", issues: null } };
    expect(formErrors(error)).toEqual({ fields: {}, form: "An account with this email already exists" });
    expect(formErrors(null)).toEqual({ fields: {}, form: undefined });
  });
});

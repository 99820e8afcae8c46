import { describe, expect, it } from "vitest";
import { errorMessage, formErrors } from "./form-errors.ts";

describe("formErrors: the storefront's forms", () => {
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

describe("formErrors: the admin's forms", () => {
  it("puts each zod issue under its field, the first message winning", () => {
    const error = {
      message: "[…]",
      data: {
        issues: [
          { path: ["priceCents"], message: "Price cannot be negative" },
          { path: ["priceCents"], message: "Too big" },
          { path: ["address", "city"], message: "Required" },
        ],
      },
    };
    expect(formErrors(error)).toEqual({
      fields: { priceCents: "Price cannot be negative", "address.city": "Required" },
      form: undefined,
    });
  });

  it("puts a domain error that names its field under that field", () => {
    const error = { message: "Another product already uses that slug", data: { details: { field: "slug" } } };
    expect(formErrors(error).fields).toEqual({ slug: "Another product already uses that slug" });
  });

  it("keeps any other error for the form as a whole", () => {
    expect(formErrors({ message: "An order that is shipped cannot become placed", data: {} }).form).toBe(
      "An order that is shipped cannot become placed",
    );
    expect(formErrors(null)).toEqual({ fields: {}, form: undefined });
  });
});

describe("errorMessage", () => {
  it("gives the form's message, else the first field's", () => {
    expect(errorMessage({ message: "Nope", data: {} })).toBe("Nope");
    expect(errorMessage({ message: "…", data: { details: { field: "image" } } })).toBe("…");
    expect(errorMessage({ data: { issues: [{ path: ["id"], message: "Required" }] } })).toBe("Required");
  });
});

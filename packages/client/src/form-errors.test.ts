import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { UNREACHABLE_MESSAGE } from "./errors.ts";
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
      retryable: false,
    });
  });

  it("falls back to zod's flattened field errors", () => {
    const error = { message: "x", data: { zodError: { fieldErrors: { password: ["Too short"] } } } };
    expect(formErrors(error).fields).toEqual({ password: "Too short" });
  });

  it("shows the server's message for the form when no field is to blame", () => {
    const error = { message: "An account with this email already exists", data: { code: "CONFLICT", issues: null } };
    expect(formErrors(error)).toEqual({
      fields: {},
      form: "An account with this email already exists",
      retryable: false,
    });
    expect(formErrors(null)).toEqual({ fields: {}, form: undefined, retryable: false });
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
      retryable: false,
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
    expect(formErrors(null)).toEqual({ fields: {}, form: undefined, retryable: false });
  });
});

describe("formErrors: failures that are not a refusal", () => {
  it("says in words that the shop cannot be reached when the call got no answer, and that it may be retried", () => {
    const dropped = new TRPCClientError("Failed to fetch", { cause: new TypeError("Failed to fetch") });
    expect(formErrors(dropped)).toEqual({ fields: {}, form: UNREACHABLE_MESSAGE, retryable: true });
    expect(errorMessage(new TypeError("NetworkError when attempting to fetch resource."))).toBe(
      "We can't reach the shop. Check your connection and try again.",
    );
  });

  it("keeps a failure on the shop's side to a sentence for people, retryable, with no internal message", () => {
    const failed = { message: "connect ECONNREFUSED", data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500 } };
    expect(formErrors(failed)).toEqual({
      fields: {},
      form: "Something went wrong on our side. Please try again in a moment.",
      retryable: true,
    });
  });
});

describe("errorMessage", () => {
  it("gives the form's message, else the first field's", () => {
    expect(errorMessage({ message: "Nope", data: {} })).toBe("Nope");
    expect(errorMessage({ message: "…", data: { details: { field: "image" } } })).toBe("…");
    expect(errorMessage({ data: { issues: [{ path: ["id"], message: "Required" }] } })).toBe("Required");
  });
});

describe("formErrors: sentences people understand", () => {
  it("rewords zod's defaults from the rule they broke, and keeps messages written for people", () => {
    const error = {
      message: "[…]",
      data: {
        code: "BAD_REQUEST",
        issues: [
          {
            path: ["shippingAddress", "name"],
            message: "Too small: expected string to have >=1 characters",
            code: "too_small",
            minimum: 1,
            origin: "string",
          },
          {
            path: ["name"],
            message: "Too small: expected string to have >=2 characters",
            code: "too_small",
            minimum: 2,
            origin: "string",
          },
          {
            path: ["bio"],
            message: "Too big: expected string to have <=100 characters",
            code: "too_big",
            maximum: 100,
            origin: "string",
          },
          { path: ["email"], message: "Invalid email address", code: "invalid_format", format: "email" },
          {
            path: ["quantity"],
            message: "Too big: expected number to be <=99",
            code: "too_big",
            maximum: 99,
            origin: "number",
          },
          { path: ["shippingAddress", "postalCode"], message: "Use a postal code like 94103", code: "custom" },
          { path: ["status"], message: "Invalid option: expected one of ...", code: "invalid_value" },
        ],
      },
    };
    expect(formErrors(error).fields).toEqual({
      "shippingAddress.name": "This field is required",
      name: "Use at least 2 characters",
      bio: "Use at most 100 characters",
      email: "Enter a valid email address",
      quantity: "Enter 99 or less",
      "shippingAddress.postalCode": "Use a postal code like 94103",
      status: "Choose one of the options",
    });
  });

  it("says when to try again once rate limited", () => {
    const limited = (retryAfterSeconds: number) => ({
      message: "Too many attempts; try again later",
      data: { code: "TOO_MANY_REQUESTS", details: { retryAfterSeconds } },
    });
    expect(errorMessage(limited(1))).toBe("Too many attempts. Try again in 1 second.");
    expect(errorMessage(limited(45))).toBe("Too many attempts. Try again in 45 seconds.");
    expect(errorMessage(limited(61))).toBe("Too many attempts. Try again in 2 minutes.");
  });
});

import { describe, expect, it } from "vitest";
import { errorMessage, formErrors } from "./form-errors.ts";

describe("formErrors", () => {
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

import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { createAppRouter } from "../src/root.ts";
import { fakePaymentGateway } from "../src/testing/index.ts";

const appRouter = createAppRouter({ gateway: fakePaymentGateway() });

import { REFERENCE_PATH, REGENERATE_COMMAND, renderReference } from "./api-reference.ts";

it("docs/api-reference.md is the reference the router makes today, every procedure included", () => {
  const expected = renderReference();
  for (const path of Object.keys(appRouter._def.procedures)) expect(expected).toContain(`### \`${path}\``);
  const written = readFileSync(REFERENCE_PATH, "utf8");
  if (written !== expected) {
    const lines = written.split("\n");
    const at = expected.split("\n").findIndex((line, i) => line !== lines[i]);
    throw new Error(
      `docs/api-reference.md no longer matches the router (first difference at line ${at + 1}: ` +
        `${JSON.stringify(expected.split("\n")[at])}). Run \`${REGENERATE_COMMAND}\` and commit the page.`,
    );
  }
}, 180_000);

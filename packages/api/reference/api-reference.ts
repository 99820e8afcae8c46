/**
 * docs/api-reference.md, written from the router itself, so a procedure added anywhere appears
 * without anyone listing it: for each procedure of `appRouter`, who may call it (its tier's
 * `meta.access`), its input (the fields and rules of its zod schema), its output (the router's
 * type, written out by router-types.ts) and the errors its code can answer with
 * (procedure-errors.ts; both in scripts/). `pnpm docs:api` rewrites the page;
 * api-reference.unit.test.ts beside this file fails when it no longer matches the code.
 *
 *   pnpm docs:api           rewrite docs/api-reference.md
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { createErrorReader, type ProcedureError } from "../../../scripts/procedure-errors.ts";
import { readRouterTypes } from "../../../scripts/router-types.ts";
import type { PaymentGateway } from "../src/orders/payment-gateway.ts";
import { createAppRouter } from "../src/root.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
export const REFERENCE_PATH = join(repoRoot, "docs/api-reference.md");
export const REGENERATE_COMMAND = "pnpm docs:api";

/** The reference lists procedures and never calls one, so its router's gateway is never asked. */
const listingOnly = new Proxy({} as PaymentGateway, {
  get: () => () => Promise.reject(new Error("the API reference calls no procedure")),
});

interface RuntimeProcedure {
  _def: { type: string; meta?: { access?: string }; inputs: unknown[] };
}

/** The page, as it should read for the code as it stands, formatted as `pnpm lint` formats Markdown. */
export function renderReference(): string {
  return execFileSync(join(repoRoot, "node_modules/.bin/biome"), ["format", `--stdin-file-path=${REFERENCE_PATH}`], {
    input: writeReference(),
    encoding: "utf8",
  });
}

function writeReference(): string {
  const types = readRouterTypes({
    tsconfig: join(repoRoot, "packages/api/tsconfig.json"),
    module: join(repoRoot, "packages/api/src/index.ts"),
    routerName: "AppRouter",
  });
  try {
    // tRPC keeps them flat at run time, keyed by path ("orders.byId"), whatever its type says.
    const runtime = createAppRouter({ gateway: listingOnly })._def.procedures as unknown as Record<
      string,
      RuntimeProcedure
    >;
    const typed = types.procedures.map((procedure) => procedure.path);
    const missing = Object.keys(runtime).filter((path) => !typed.includes(path));
    if (missing.length > 0) throw new Error(`The router's type does not show ${missing.join(", ")}`);
    const errors = createErrorReader(types.project, join(repoRoot, "packages/api/src/"));

    const sections = new Map<string, string[]>();
    for (const procedure of types.procedures) {
      const { _def } = runtime[procedure.path]!;
      const group = procedure.path.split(".")[0]!;
      const lines = [
        `### \`${procedure.path}\``,
        "",
        `${procedure.kind} · **who:** ${_def.meta?.access ?? "anyone"}`,
        "",
        ...(procedure.doc ? [procedure.doc.replaceAll("\n", " "), ""] : []),
        ...inputSection(_def.inputs, types.printer.print(procedure.input)),
        "**Output**",
        "",
        "```ts",
        types.printer.print(procedure.output),
        "```",
        "",
        ...errorSection(procedure.declaration ? errors.errorsOf(procedure.declaration) : []),
      ];
      sections.set(group, [...(sections.get(group) ?? []), ...lines]);
    }
    const aliases = types.printer.aliases();
    return [
      "<!-- Written by packages/api/reference/api-reference.ts from the router; do not edit. Rewrite it with `pnpm docs:api`. -->",
      "# API reference",
      "",
      "Every procedure of the shop's tRPC API at `/trpc` (superjson; queries by GET or POST, mutations by",
      "POST; calls may be batched), read from the code: who may call it, what it takes, what it answers",
      "and the errors its code can answer with. `@shopwright/client` types all of it",
      "([packages/client/README.md](../packages/client/README.md)); the names are fixed by the public",
      "contract, the shapes may grow.",
      "",
      "- **Who.** `signed in` wants `Authorization: Bearer <accessToken>`; without it the answer is",
      "  `UNAUTHORIZED`, and `admin` answers anyone else `FORBIDDEN`.",
      "- **Input.** A field that breaks its rules is `BAD_REQUEST`: the message has one sentence per field",
      "  (`quantity: Too small: expected number to be >=1.`) and `data.issues` the issues themselves.",
      "- **Errors.** Each code with the messages the procedure's code can answer with, found by reading it",
      "  (`$\u007b…}` is filled in when it happens). Any procedure can also fail with `INTERNAL_SERVER_ERROR`,",
      "  logged with its request id (`x-request-id`), and is refused `TOO_MANY_REQUESTS` past a rate limit",
      "  where one applies.",
      "",
      ...[...sections.keys()].map((group) => `- [${group}](#${group})`),
      "",
      ...(aliases.length > 0 ? ["Types that contain themselves:", "", "```ts", ...aliases, "```", ""] : []),
      ...[...sections].flatMap(([group, lines]) => [`## ${group}`, "", ...lines]),
    ].join("\n");
  } finally {
    types.close();
  }
}

/** The input as a table of fields and their rules, from the zod schema; the type when it is not an object. */
function inputSection(inputs: unknown[], typeText: string): string[] {
  if (inputs.length === 0) return ["**Input:** none", ""];
  const rows = inputs.flatMap((schema) => {
    const json = z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }) as JsonSchema;
    return json.type === "object" ? fields(json, "") : [];
  });
  if (rows.length === 0) return ["**Input**", "", "```ts", typeText, "```", ""];
  return [
    "**Input**",
    "",
    "| field | type | rules |",
    "| --- | --- | --- |",
    ...rows.map((row) => `| \`${row.field}\`${row.required ? "" : " (optional)"} | ${row.type} | ${row.rules} |`),
    "",
  ];
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

interface Row {
  field: string;
  required: boolean;
  type: string;
  rules: string;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function fields(schema: JsonSchema, prefix: string): Row[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const field = `${prefix}${name}`;
    const nested = property.type === "object" && property.properties ? property : undefined;
    const items = property.type === "array" && property.items?.type === "object" ? property.items : undefined;
    const row = { field, required: required.has(name), type: typeOf(property), rules: rulesOf(property) };
    if (nested) return [row, ...fields(nested, `${field}.`)];
    if (items) return [row, ...fields(items, `${field}[].`)];
    return [row];
  });
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(" \\| ");
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" \\| ");
  if (schema.type === "array") return `${schema.items ? typeOf(schema.items) : "unknown"}[]`;
  if (schema.type === "integer") return "integer";
  if (Array.isArray(schema.type)) return schema.type.join(" \\| ");
  return schema.type ?? "any";
}

function rulesOf(schema: JsonSchema): string {
  const rules: string[] = [];
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    const low = min !== undefined && min > 0 ? min : undefined;
    const high = max !== undefined && max < MAX_SAFE ? max : undefined;
    if (low !== undefined && high !== undefined) rules.push(low === high ? `${low}${unit}` : `${low}–${high}${unit}`);
    else if (low !== undefined) rules.push(`at least ${low}${unit}`);
    else if (high !== undefined) rules.push(`at most ${high}${unit}`);
  };
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minItems, schema.maxItems, " items");
  const low = schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : schema.exclusiveMinimum + 1);
  if (low !== undefined && low > -MAX_SAFE) rules.push(`≥ ${low}`);
  if (schema.maximum !== undefined && schema.maximum < MAX_SAFE) rules.push(`≤ ${schema.maximum}`);
  if (schema.format) rules.push(schema.format);
  if (schema.pattern) rules.push(`matches \`${schema.pattern.replaceAll("|", "\\|")}\``);
  if (schema.default !== undefined) rules.push(`default \`${JSON.stringify(schema.default)}\``);
  return rules.join(", ");
}

function errorSection(errors: ProcedureError[]): string[] {
  if (errors.length === 0) return [];
  const byCode = new Map<string, string[]>();
  for (const { code, message } of errors)
    byCode.set(code, [...(byCode.get(code) ?? []), ...(message ? [message] : [])]);
  return [
    "**Errors**",
    "",
    ...[...byCode].map(([code, messages]) =>
      messages.length === 0 ? `- \`${code}\`` : `- \`${code}\`: ${messages.map((m) => `“${m}”`).join(" · ")}`,
    ),
    "",
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(REFERENCE_PATH, renderReference());
  console.log(`Wrote ${REFERENCE_PATH}`);
}

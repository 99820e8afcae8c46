/**
 * The shop's router type, read from the source by TypeScript's own checker (TypeScript 7's API)
 * and written out whole: every procedure's input and output spelled as plain types, so the
 * published client's declarations and the API reference carry them without a single import of
 * server code. Named types are expanded; only the language's own (Date, Map, Record …) keep their
 * names, and a type that contains itself becomes a named alias.
 */
import {
  API,
  type Checker,
  type NodeHandle,
  type Project,
  type Type,
  TypeFlags,
  type Symbol as TypeSymbol,
} from "typescript/unstable/sync";

export type ProcedureKind = "query" | "mutation" | "subscription";

export interface RouterProcedure {
  /** `orders.byId` */
  path: string;
  kind: ProcedureKind;
  input: Type;
  output: Type;
  /** The `/** … *\/` above the procedure in its router, if any. */
  doc: string;
  /** Where the procedure is declared in its router (`byId: protectedProcedure.input(…).query(…)`). */
  declaration: NodeHandle | undefined;
}

export interface RouterTypes {
  procedures: RouterProcedure[];
  /** The router's root types: `errorShape` and `meta` are what clients see of them. */
  errorShape: Type;
  meta: Type;
  /** The exports of `module`, for declaring what else it exports (constants, other types). */
  exports: { name: string; kind: "type" | "value"; type: Type }[];
  printer: TypePrinter;
  /** The open project, to read more of the source (the API reference follows each resolver's calls). */
  project: Project;
  close(): void;
}

/**
 * Opens the TypeScript project at `tsconfig` and reads the tRPC router type exported as
 * `routerName` from `module` (a file of that project), with the module's other exports.
 */
export function readRouterTypes(options: { tsconfig: string; module: string; routerName: string }): RouterTypes {
  const api = new API({ cwd: process.cwd() });
  try {
    const project = api.updateSnapshot({ openProject: options.tsconfig }).getProject(options.tsconfig);
    if (!project) throw new Error(`TypeScript could not open ${options.tsconfig}`);
    const { checker, program } = project;
    const file = program.getSourceFile(options.module);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`${options.module} is not part of ${options.tsconfig}`);
    const exports = checker.getExportsOfModule(moduleSymbol).map((exported) => {
      const symbol = exported.flags & SymbolFlagsAlias ? checker.getAliasedSymbol(exported) : exported;
      const isType = (symbol.flags & TYPE_SYMBOL) !== 0 && (symbol.flags & VALUE_SYMBOL) === 0;
      return {
        name: exported.name,
        kind: isType ? ("type" as const) : ("value" as const),
        type: isType ? checker.getDeclaredTypeOfSymbol(symbol) : checker.getTypeOfSymbol(symbol)!,
      };
    });
    const router = exports.find((exported) => exported.name === options.routerName);
    if (!router) throw new Error(`${options.module} exports no ${options.routerName}`);
    const property = (type: Type, name: string) => {
      const symbol = checker.getPropertyOfType(type, name);
      const found = symbol && checker.getTypeOfSymbol(symbol);
      if (!found) throw new Error(`${checker.typeToString(type).slice(0, 80)} has no ${name}`);
      return found;
    };
    const definition = property(router.type, "_def");
    const root = property(property(definition, "_config"), "$types");
    const procedures: RouterProcedure[] = [];
    const walk = (record: Type, prefix: string) => {
      for (const member of checker.getPropertiesOfType(record)) {
        const type = checker.getTypeOfSymbol(member)!;
        const path = `${prefix}${member.name}`;
        const def = checker.getPropertyOfType(type, "_def");
        const types = def && checker.getPropertyOfType(checker.getTypeOfSymbol(def)!, "$types");
        if (!def || !types) {
          walk(type, `${path}.`);
          continue;
        }
        const kindType = property(checker.getTypeOfSymbol(def)!, "type");
        if (!kindType.isStringLiteralType()) throw new Error(`${path} has no procedure type`);
        const kind = kindType.value as ProcedureKind;
        const io = checker.getTypeOfSymbol(types)!;
        procedures.push({
          path,
          kind,
          input: property(io, "input"),
          output: property(io, "output"),
          doc: checker.getDocumentationCommentOfSymbol(member).trim(),
          declaration: member.declarations[0],
        });
      }
    };
    walk(property(definition, "record"), "");
    return {
      procedures,
      errorShape: property(root, "errorShape"),
      meta: property(root, "meta"),
      exports: exports.filter((exported) => exported !== router),
      printer: createTypePrinter(checker),
      project,
      close: () => api.close(),
    };
  } catch (error) {
    api.close();
    throw error;
  }
}

const SymbolFlagsAlias = 2097152;
const SymbolFlagsOptional = 16777216;
const TYPE_SYMBOL = 788968;
const VALUE_SYMBOL = 111551;

export interface TypePrinter {
  /** The type as TypeScript source, objects one property a line, indented by `indent`. */
  print(type: Type, indent?: string): string;
  /** `type Name = …;` for each type that contains itself, met while printing so far. */
  aliases(): string[];
}

const INDENT = "  ";
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function createTypePrinter(checker: Checker): TypePrinter {
  /** Object types being expanded right now, to notice one that contains itself. */
  const expanding = new Set<number>();
  const aliasNames = new Map<number, string>();
  const aliasTexts = new Map<string, string>();
  const globalTypes = new Map<number, boolean>();

  /**
   * A global type (the language's, or the platform's such as FormData): a consumer knows it by
   * name. A platform class a library declares again (undici's FormData) counts when it is the same.
   */
  const isGlobal = (symbol: TypeSymbol): boolean => {
    if (!IDENTIFIER.test(symbol.name)) return false;
    let global = globalTypes.get(symbol.id);
    if (global === undefined) {
      const resolved = checker.resolveName(symbol.name, TYPE_SYMBOL, undefined, false);
      const same = (a: Type, b: Type) => checker.isTypeAssignableTo(a, b) && checker.isTypeAssignableTo(b, a);
      global =
        resolved !== undefined &&
        (resolved.id === symbol.id ||
          same(checker.getDeclaredTypeOfSymbol(resolved), checker.getDeclaredTypeOfSymbol(symbol)));
      globalTypes.set(symbol.id, global);
    }
    return global;
  };

  const print = (type: Type, indent = ""): string => {
    const { flags } = type;
    if (flags & TypeFlags.Any) return "any";
    if (flags & TypeFlags.Unknown) return "unknown";
    if (flags & TypeFlags.Never) return "never";
    if (flags & TypeFlags.Void) return "void";
    if (flags & TypeFlags.Undefined) return "undefined";
    if (flags & TypeFlags.Null) return "null";
    if (flags & TypeFlags.BooleanLiteral) return checker.typeToString(type);
    if (flags & TypeFlags.Boolean) return "boolean";
    if (type.isStringLiteralType()) return JSON.stringify(type.value);
    if (type.isNumberLiteralType()) return String(type.value);
    if (flags & TypeFlags.BigIntLiteral) return checker.typeToString(type);
    if (flags & (TypeFlags.String | TypeFlags.Number | TypeFlags.BigInt | TypeFlags.ESSymbol)) {
      return checker.typeToString(type);
    }
    if (flags & TypeFlags.NonPrimitive) return "object";
    if (flags & TypeFlags.TemplateLiteral) return checker.typeToString(type);
    if (type.isUnionType()) return printUnion(type.getTypes(), indent);
    if (type.isIntersectionType()) {
      return type
        .getTypes()
        .map((member) => wrap(member, print(member, indent)))
        .join(" & ");
    }
    if (flags & TypeFlags.Object) return printObject(type, indent);
    throw new Error(`Cannot write out the type ${checker.typeToString(type)} (flags ${flags})`);
  };

  /** Members in a stable order: literals sorted, null and undefined last, the rest as declared. */
  const printUnion = (members: readonly Type[], indent: string) => {
    const printed = members.map((member) => ({ member, text: wrap(member, print(member, indent)) }));
    const literal = (t: Type) => (t.flags & (TypeFlags.StringLiteral | TypeFlags.NumberLiteral)) !== 0;
    const nullish = (t: Type) => (t.flags & (TypeFlags.Null | TypeFlags.Undefined)) !== 0;
    const rank = (t: Type) => (nullish(t) ? 2 : literal(t) ? 0 : 1);
    const texts = printed
      .sort((a, b) => rank(a.member) - rank(b.member) || (literal(a.member) ? a.text.localeCompare(b.text) : 0))
      .map(({ text }) => text);
    // `true | false` is how the checker holds `boolean`.
    const booleans = texts.filter((text) => text === "true" || text === "false");
    if (booleans.length === 2) texts.splice(texts.indexOf(booleans[0]!), 1, "boolean");
    return [...new Set(texts.filter((text) => booleans.length < 2 || (text !== "true" && text !== "false")))].join(
      " | ",
    );
  };

  const wrap = (type: Type, text: string) =>
    type.flags & (TypeFlags.Union | TypeFlags.Intersection) && !(type.flags & TypeFlags.Boolean) ? `(${text})` : text;

  const printObject = (type: Type, indent: string): string => {
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(type as Parameters<Checker["getTypeArguments"]>[0]);
      const readonly = type.getSymbol()?.name === "ReadonlyArray" ? "readonly " : "";
      return `${readonly}${wrap(element!, print(element!, indent))}[]`;
    }
    if (checker.isTupleType(type)) {
      const elements = checker.getTypeArguments(type as Parameters<Checker["getTypeArguments"]>[0]);
      return `[${elements.map((element) => print(element, indent)).join(", ")}]`;
    }
    const alias = type.getAliasSymbol();
    if (alias && isGlobal(alias)) return named(alias.name, type.getAliasTypeArguments(), indent);
    const symbol = type.getSymbol();
    if (symbol && isGlobal(symbol)) {
      const args = type.isTypeReference() ? checker.getTypeArguments(type) : [];
      return named(symbol.name, args, indent);
    }
    const known = aliasNames.get(type.id);
    if (known) return known;
    if (expanding.has(type.id)) {
      const name = aliasName(alias?.name ?? symbol?.name);
      aliasNames.set(type.id, name);
      return name;
    }
    expanding.add(type.id);
    const text = printMembers(type, indent);
    expanding.delete(type.id);
    const name = aliasNames.get(type.id);
    if (!name) return text;
    aliasTexts.set(name, `type ${name} = ${printMembers(type, "")};`);
    return name;
  };

  const named = (name: string, args: readonly Type[], indent: string) =>
    args.length === 0 ? name : `${name}<${args.map((arg) => print(arg, indent)).join(", ")}>`;

  const aliasName = (hint: string | undefined) => {
    const base = hint && IDENTIFIER.test(hint) && !hint.startsWith("__") ? hint : "Recursive";
    let name = base;
    for (let n = 2; aliasTexts.has(name) || [...aliasNames.values()].includes(name); n++) name = `${base}${n}`;
    return name;
  };

  const printMembers = (type: Type, indent: string) => {
    const inner = indent + INDENT;
    const lines: string[] = [];
    for (const info of checker.getIndexInfosOfType(type)) {
      lines.push(`${inner}[key: ${print(info.keyType, inner)}]: ${print(info.valueType, inner)};`);
    }
    for (const property of checker.getPropertiesOfType(type)) {
      const optional = property.flags & SymbolFlagsOptional ? "?" : "";
      const key = IDENTIFIER.test(property.name) ? property.name : JSON.stringify(property.name);
      lines.push(`${inner}${key}${optional}: ${print(checker.getTypeOfSymbol(property)!, inner)};`);
    }
    if (lines.length === 0) {
      if (checker.getSignaturesOfType(type, 0).length > 0) {
        throw new Error(`A function type cannot travel over the API: ${checker.typeToString(type)}`);
      }
      return "{}";
    }
    return `{\n${lines.join("\n")}\n${indent}}`;
  };

  return { print, aliases: () => [...aliasTexts.values()] };
}

const TRPC_KIND = {
  query: "TRPCQueryProcedure",
  mutation: "TRPCMutationProcedure",
  subscription: "TRPCSubscriptionProcedure",
};

/**
 * A declaration file for the module the types were read from: the router as tRPC's own public
 * types over procedures whose inputs and outputs are written out, `RouterInputs`/`RouterOutputs`
 * from it, and the module's constants. It imports nothing but `@trpc/server`'s types.
 */
export function routerDeclarations(types: RouterTypes, routerName: string): string {
  const { printer, procedures } = types;
  const meta = printer.print(types.meta);
  const tree: Record<string, unknown> = {};
  for (const procedure of procedures) {
    const segments = procedure.path.split(".");
    let node = tree;
    for (const segment of segments.slice(0, -1)) {
      node[segment] ??= {};
      node = node[segment] as Record<string, unknown>;
    }
    node[segments.at(-1)!] = procedure;
  }
  const record = (node: Record<string, unknown>, indent: string): string => {
    const inner = indent + INDENT;
    const lines = Object.entries(node).map(([name, child]) => {
      const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
      if (!("kind" in (child as object))) return `${inner}${key}: ${record(child as Record<string, unknown>, inner)};`;
      const { kind, input, output, doc } = child as RouterProcedure;
      const body = inner + INDENT;
      const comment = doc ? `${inner}/** ${doc.replaceAll("\n", `\n${inner} * `)} */\n` : "";
      return `${comment}${inner}${key}: ${TRPC_KIND[kind]}<{\n${body}input: ${printer.print(input, body)};\n${body}output: ${printer.print(output, body)};\n${body}meta: Meta;\n${inner}}>;`;
    });
    return `{\n${lines.join("\n")}\n${indent}}`;
  };
  const routerType = `TRPCBuiltRouter<Root, TRPCDecorateCreateRouterOptions<${record(tree, "")}>>`;
  const constants = types.exports.map((exported) => {
    if (exported.kind === "value") return `export declare const ${exported.name}: ${printer.print(exported.type)};`;
    if (exported.name === "RouterInputs") return `export type RouterInputs = inferRouterInputs<${routerName}>;`;
    if (exported.name === "RouterOutputs") return `export type RouterOutputs = inferRouterOutputs<${routerName}>;`;
    throw new Error(`Cannot declare the type ${exported.name}: write it out or leave it out of the module`);
  });
  const errorShape = printer.print(types.errorShape, INDENT);
  return [
    "// Written by packages/client/build.ts from the shop's router (scripts/router-types.ts): do not edit.",
    "import type {",
    ...[
      "inferRouterInputs",
      "inferRouterOutputs",
      "TRPCBuiltRouter",
      "TRPCDecorateCreateRouterOptions",
      ...new Set(procedures.map((procedure) => TRPC_KIND[procedure.kind])),
    ]
      .sort((a, b) => a.localeCompare(b))
      .map((name) => `  ${name},`),
    '} from "@trpc/server";',
    "",
    `type Meta = ${meta};`,
    "type Root = {",
    "  ctx: object;",
    "  meta: Meta;",
    `  errorShape: ${errorShape};`,
    "  transformer: true;",
    "};",
    ...printer.aliases(),
    `export type ${routerName} = ${routerType};`,
    ...constants,
    "",
  ].join("\n");
}

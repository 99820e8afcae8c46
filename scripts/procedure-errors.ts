/**
 * The errors a procedure may answer with, found by following its code through the API's source:
 * from the procedure's declaration (its tier's middleware included) through every function and
 * value of the API it uses, collecting each `new DomainError(CODE, message)` (directly or through
 * a factory such as `conflict("…")`) and `new TRPCError({ code })`. An over-estimate, as a static
 * reading is: a branch never taken still counts, a port's implementation elsewhere does not.
 */

import type { Node } from "typescript/unstable/ast";
import {
  isArrowFunction,
  isCallExpression,
  isFunctionDeclaration,
  isFunctionExpression,
  isIdentifier,
  isNewExpression,
  isNoSubstitutionTemplateLiteral,
  isObjectLiteralExpression,
  isParameterDeclaration,
  isPropertyAssignment,
  isStringLiteral,
  isTemplateExpression,
  isVariableDeclaration,
} from "typescript/unstable/ast/is";
import type { NodeHandle, Project, Symbol as TypeSymbol } from "typescript/unstable/sync";

export interface ProcedureError {
  code: string;
  /** As the source writes it; `${…}` where it is filled in at run time. Absent when it is not written out. */
  message?: string;
}

const ALIAS = 2097152;
const VALUE = 111551;
const MODULE = 512;

/** Reads errors from the source files under `sourceRoot` (not its tests), remembering what it read. */
export function createErrorReader(project: Project, sourceRoot: string) {
  const { checker } = project;
  const byDeclaration = new Map<string, ProcedureError[]>();
  const inSource = (path: string) =>
    path.startsWith(sourceRoot) && !/\.test\.ts$|\/testing\//.test(path) && path.endsWith(".ts");

  const resolve = (symbol: TypeSymbol | undefined) =>
    symbol && symbol.flags & ALIAS ? checker.getAliasedSymbol(symbol) : symbol;

  /** Every identifier under `node`, and what each names. */
  const namesIn = (node: Node) => {
    const identifiers: Node[] = [];
    const visit = (child: Node): void => {
      if (isIdentifier(child)) identifiers.push(child);
      child.forEachChild(visit);
    };
    node.forEachChild(visit);
    const symbols = identifiers.length > 0 ? checker.getSymbolAtLocation(identifiers) : [];
    return new Map(identifiers.map((identifier, i) => [identifier, resolve(symbols[i])]));
  };

  const errorsOf = (handle: NodeHandle): ProcedureError[] => {
    const key = `${handle.path}:${handle.index}`;
    const known = byDeclaration.get(key);
    if (known) return known;
    const found: ProcedureError[] = [];
    // Set before reading: a function that reaches itself again adds nothing new.
    byDeclaration.set(key, found);
    const node = handle.resolve(project);
    if (node) found.push(...errorsIn(node));
    return found;
  };

  const errorsIn = (root: Node): ProcedureError[] => {
    const names = namesIn(root);
    const found: ProcedureError[] = [];
    const visit = (node: Node): void => {
      if (isNewExpression(node)) found.push(...constructed(node, () => undefined, literalTypes));
      if (isCallExpression(node)) {
        const callee = isIdentifier(node.expression) ? node.expression : undefined;
        const factory = callee && factoryOf(names.get(callee));
        if (factory) {
          found.push(...factory(node.arguments));
          // The factory's own body, read without this call's arguments, would add a message-less copy.
          for (const argument of node.arguments) visit(argument);
          return;
        }
      }
      if (isIdentifier(node)) {
        const symbol = names.get(node);
        // A namespace import names a whole module: what is used of it is named again after the dot.
        if (symbol && symbol.flags & VALUE && !(symbol.flags & MODULE)) {
          for (const declaration of symbol.declarations) {
            if (inSource(declaration.path) && !isParameterHandle(declaration)) found.push(...errorsOf(declaration));
          }
        }
      }
      node.forEachChild(visit);
    };
    root.forEachChild(visit);
    return found;
  };

  const isParameterHandle = (handle: NodeHandle) => {
    const node = handle.resolve(project);
    return node !== undefined && isParameterDeclaration(node);
  };

  /** A function whose whole body is `new DomainError(…)`, e.g. `conflict(message)`: how a call to it reads. */
  const factoryOf = (symbol: TypeSymbol | undefined) => {
    const declaration = symbol?.declarations[0];
    if (!declaration || !inSource(declaration.path)) return undefined;
    const node = declaration.resolve(project);
    const fn = node && isVariableDeclaration(node) ? node.initializer : node;
    if (!fn || !(isArrowFunction(fn) || isFunctionDeclaration(fn) || isFunctionExpression(fn))) return undefined;
    const body = isArrowFunction(fn) && isNewExpression(fn.body) ? fn.body : undefined;
    if (!body) return undefined;
    const parameters = fn.parameters.map((parameter) => ({
      name: isIdentifier(parameter.name) ? parameter.name.text : "",
      fallback: parameter.initializer,
    }));
    return (args: readonly Node[]) =>
      constructed(
        body,
        (name) => {
          const index = parameters.findIndex((parameter) => parameter.name === name);
          if (index < 0) return undefined;
          return args[index] ?? parameters[index]!.fallback;
        },
        literalTypes,
      );
  };

  /** What the checker knows an expression to be when it is no literal: `ALREADY[status]` is one of three strings. */
  const literalTypes = (node: Node): string[] => {
    const type = checker.getTypeAtLocation(node);
    const members = type?.isUnionType() ? type.getTypes() : type ? [type] : [];
    const texts = members.map((member) => (member.isStringLiteralType() ? member.value : undefined));
    return texts.every((text) => text !== undefined) ? (texts as string[]) : [];
  };

  return {
    /** The errors the procedure declared at `declaration` may answer with, each code and message once. */
    errorsOf(declaration: NodeHandle): ProcedureError[] {
      const seen = new Map<string, ProcedureError>();
      for (const error of errorsOf(declaration)) seen.set(`${error.code}\u0000${error.message ?? ""}`, error);
      return [...seen.values()].sort(
        (a, b) => a.code.localeCompare(b.code) || (a.message ?? "").localeCompare(b.message ?? ""),
      );
    },
  };
}

/**
 * The errors a `new DomainError(CODE, message)` or `new TRPCError({ code, message })` makes (one
 * per message it can carry), with `argument(name)` standing for a factory's parameters.
 */
function constructed(
  node: Node,
  argument: (name: string) => Node | undefined,
  literalTypes: (node: Node) => string[],
): ProcedureError[] {
  if (!isNewExpression(node) || !isIdentifier(node.expression)) return [];
  const args = node.arguments ?? [];
  const texts = (expression: Node | undefined) => (expression ? literal(expression, argument, literalTypes) : []);
  let code: Node | undefined;
  let message: Node | undefined;
  if (node.expression.text === "DomainError") [code, message] = args;
  const [options] = args;
  if (node.expression.text === "TRPCError" && options && isObjectLiteralExpression(options)) {
    const field = (name: string) => {
      const found = options.properties.find(
        (p) => isPropertyAssignment(p) && isIdentifier(p.name) && p.name.text === name,
      );
      return found && isPropertyAssignment(found) ? found.initializer : undefined;
    };
    code = field("code");
    message = field("message");
  }
  const messages = texts(message);
  // A code passed along from elsewhere (the middleware that maps domain errors) adds no error of its own.
  const codes = code && (isStringLiteral(code) || isIdentifier(code)) ? literal(code, argument, () => []) : [];
  return codes.flatMap((c) => (messages.length === 0 ? [{ code: c }] : messages.map((m) => ({ code: c, message: m }))));
}

/**
 * The texts a string expression can be: as written, with a factory's parameters filled in where
 * given, `${…}` where only the running code knows.
 */
function literal(
  node: Node,
  argument: (name: string) => Node | undefined,
  literalTypes: (node: Node) => string[],
): string[] {
  const none = () => undefined;
  if (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (isIdentifier(node)) {
    const given = argument(node.text);
    if (given) return literal(given, none, literalTypes);
  }
  if (isTemplateExpression(node)) {
    const spans = node.templateSpans.map((span) => {
      const filled = isIdentifier(span.expression) ? argument(span.expression.text) : undefined;
      const [text] = filled ? literal(filled, none, literalTypes) : [];
      return `${text ?? `\${${span.expression.getText()}}`}${span.literal.text}`;
    });
    return [node.head.text + spans.join("")];
  }
  return literalTypes(node);
}

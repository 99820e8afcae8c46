/**
 * A node-postgres client that prepares each parameterised statement once per connection, named by
 * a hash of its text. Postgres then parses it once, not at every call, and after five runs keeps one
 * generic plan when that plan is estimated no dearer than planning each call for its values (its
 * plan cache's rule; a search's page query, whose best plan depends on the words, is still planned
 * per call). Statements without parameters (utility commands, scripts of several statements) run as
 * before.
 */
import { createHash } from "node:crypto";
import pg from "pg";

/** The shop's statements are a few hundred texts, hashed once each; past this bound, hashed per call. */
const REMEMBERED = 2_000;
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `sw_${createHash("sha1").update(text).digest("base64url")}`;
    if (names.size < REMEMBERED) names.set(text, name);
  }
  return name;
}

export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query is overloaded many ways; each is passed on as it came.
  override query(config: any, values?: any, callback?: any): any {
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    if (typeof config === "string" && Array.isArray(values) && values.length > 0)
      return query({ text: config, name: statementName(config) }, values, callback);
    if (config && typeof config.text === "string" && !config.name && (config.values?.length || values?.length))
      return query({ ...config, name: statementName(config.text) }, values, callback);
    return query(config, values, callback);
  }
}

/**
 * A node-postgres client that prepares each parameterised statement once per connection, named by
 * a hash of its text. Postgres then parses and plans it once, not at every call: a search's page
 * query took longer to plan than to run. Statements without parameters (utility commands, scripts
 * of several statements) run as before.
 */
import { createHash } from "node:crypto";
import pg from "pg";

const statementName = (text: string) => `sw_${createHash("sha1").update(text).digest("base64url")}`;

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

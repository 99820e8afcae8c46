/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time per function
 * and per package (a node_modules package, Node's internals, the project's own code, or idle).
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

export interface ProfileShare {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  /** Sampled wall time, in seconds. */
  seconds: number;
  /** Share of samples where the process was not idle. */
  busyPercent: number;
  /** Shares of the busy samples. */
  functions: ProfileShare[];
  packages: ProfileShare[];
}

const IDLE = new Set(["(idle)", "(program)"]);

export function summarizeProfile(path: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  let busy = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    if (IDLE.has(functionName) || hits === 0) continue;
    busy += hits;
    const where = packageOf(url, functionName);
    const name = `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + hits);
    packages.set(where, (packages.get(where) ?? 0) + hits);
  }
  const shares = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, percent: (hits / busy) * 100 }));
  return {
    seconds: (profile.endTime - profile.startTime) / 1e6,
    busyPercent: total > 0 ? (busy / total) * 100 : 0,
    functions: shares(functions),
    packages: shares(packages),
  };
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName === "(garbage collector)" ? "(garbage collector)" : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const match = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  const project = /\/(packages|apps)\/([^/]+)\//.exec(url);
  return project ? `${project[1]}/${project[2]}` : "other";
}

function shortUrl(url: string): string {
  const inModules = url.lastIndexOf("node_modules/");
  if (inModules >= 0) return url.slice(inModules + "node_modules/".length);
  const project = /\/((?:packages|apps)\/.*)$/.exec(url);
  return project ? project[1]! : url;
}

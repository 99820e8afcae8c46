/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time per function
 * and per package (a node_modules package, Node's internals, the project's own code, or idle).
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  /** The node sampled at each tick, and the µs since the previous one. */
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  /** The window's wall time, in seconds. */
  seconds: number;
  /** Share of samples where the process was not idle. */
  busyPercent: number;
  /** Shares of the busy samples. */
  functions: ProfileShare[];
  packages: ProfileShare[];
}

/**
 * Counts only the samples taken inside `window` (µs of the monotonic clock, which V8 stamps its
 * profiles with), so start-up and shutdown do not blur the picture of the load.
 */
export function summarizeProfile(path: string, window: { from: number; until: number }, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map<number, number>();
  let at = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < window.from || at > window.until) return;
    total += 1;
    hits.set(id, (hits.get(id) ?? 0) + 1);
  });

  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  let busy = 0;
  for (const [id, count] of hits) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    busy += count;
    const name = `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`;
    const where = packageOf(url, functionName);
    functions.set(name, (functions.get(name) ?? 0) + count);
    packages.set(where, (packages.get(where) ?? 0) + count);
  }
  const shares = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, count]) => ({ name, percent: (count / busy) * 100 }));
  return {
    seconds: (window.until - window.from) / 1e6,
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

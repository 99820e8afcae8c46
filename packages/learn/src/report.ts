/** The before/after report every experiment prints: sections of labelled figures, then what they mean. */

export interface Section {
  heading: string;
  rows: [label: string, value: string | number][];
}

export interface Report {
  title: string;
  sections: Section[];
  /** One or two sentences: what the figures show. */
  verdict: string;
}

export function formatReport(report: Report): string {
  const width = Math.max(...report.sections.flatMap((s) => s.rows.map(([label]) => label.length)));
  const lines = [report.title, "=".repeat(report.title.length)];
  for (const section of report.sections) {
    lines.push("", section.heading);
    for (const [label, value] of section.rows) lines.push(`  ${label.padEnd(width)}  ${value}`);
  }
  lines.push("", report.verdict);
  return lines.join("\n");
}

/** Milliseconds, rounded to what a reader can compare. */
export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;

/** What `fn` returned, and how many milliseconds it took. */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

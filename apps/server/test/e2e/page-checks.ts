/**
 * What the browser tests check on every page, as a person on a phone or with a screen reader
 * would: axe-core's rules (critical and serious violations fail), no sideways scroll, and targets
 * a finger can hit.
 *
 *   await checkPages(shop, page, [{ name: "home", path: "/", ready: (p) => p.getByRole(…).waitFor() }]);
 *
 * visits each page once per width (390 px and 1280 px) in the one page it is given, so a file's
 * sweep costs one server and one browser context.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { Shop } from "./harness.ts";

// Evaluated through the DevTools protocol, which the shop's Content-Security-Policy (no inline
// scripts) does not govern: a <script> tag would be refused, as it should be.
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const WIDTHS = [390, 1280] as const;
/** WCAG 2.5.5: a target a finger can hit. */
export const MIN_TARGET_PX = 44;

export interface Problem {
  page: string;
  width: number;
  what: string;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core's critical and serious violations on the page as it stands. */
export async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(options: object): Promise<AxeResult> } }).axe.run({
      resultTypes: ["violations"],
    }),
  );
  return result.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The page scrolls sideways: something is wider than the screen. */
export async function sidewaysScroll(page: Page): Promise<string[]> {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  return scrollWidth > width ? [`scrolls sideways: ${scrollWidth} px wide on a ${width} px screen`] : [];
}

/**
 * Buttons, fields and button-like links smaller than a finger. Links inside a sentence are left
 * out, as WCAG leaves them out: the text around them sets their size.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const targets = document.querySelectorAll<HTMLElement>(
      'button, select, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]), [role="tab"], [role="option"], nav a',
    );
    const small: string[] = [];
    for (const control of targets) {
      // A control hidden on purpose (a file input a button opens, or one behind its label): the
      // button is checked on its own, the label is the target.
      const shown = control.getBoundingClientRect();
      const hidden = shown.width <= 1 && shown.height <= 1;
      const label = (control as HTMLInputElement).labels?.[0];
      if (hidden && !label) continue;
      const element = hidden && label ? label : control;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue; // not shown
      if (element.closest('[aria-hidden="true"], .visually-hidden')) continue;
      if (element.tagName === "A" && element.closest("p, li p")) continue;
      if (box.height < min - 0.5) {
        const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 30) ?? element.tagName;
        small.push(`${element.tagName.toLowerCase()} "${name}" is ${Math.round(box.height)} px tall`);
      }
    }
    return small;
  }, MIN_TARGET_PX);
}

export interface PageToCheck {
  name: string;
  path: string;
  /** Resolves once the page shows what it is for (its data loaded). */
  ready: (page: Page) => Promise<unknown>;
}

/**
 * Visits every page at each width and collects every problem; the caller expects none. Each
 * page's phone view is saved as a screenshot, to look at.
 */
export async function checkPages(
  shop: Shop,
  page: Page,
  pages: PageToCheck[],
  screenshots: string,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    for (const { name, path, ready } of pages) {
      await page.goto(shop.url(path));
      await ready(page);
      const found = [
        ...(await axeProblems(page)),
        ...(width === 390 ? [...(await sidewaysScroll(page)), ...(await smallTargets(page))] : []),
      ];
      problems.push(...found.map((what) => ({ page: name, width, what })));
      // The phone's view is the one to look at; a full-page picture per page and width would
      // double the sweep's time.
      if (width === 390) await shop.screenshot(page, `${screenshots}-${name}-${width}`);
    }
  }
  return problems;
}

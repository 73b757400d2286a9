// axe-core inside extension pages: the source is evaluated in the page (evaluate is not bound by the
// page's CSP, a <script> tag would be), then axe.run on the whole document.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

/** The axe-core bundle as text, read once. */
function source(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** One axe finding, with what a person reading a failed test needs. */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** The impacts that fail a state. */
const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe on the page as it is now; answers every violation. */
export async function runAxe(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(source());
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } })
      .axe;
    interface AxeResults {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    }
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
}

/** One line: id, impact, help, then the target selectors. */
const line = (f: AxeFinding) => `${f.id} [${f.impact}] ${f.help} — ${f.targets.join(' | ')}`;

/** The serious and critical findings, one line each. */
export function blocking(findings: AxeFinding[]): string[] {
  return findings.filter((f) => f.impact && BLOCKING.has(f.impact)).map(line);
}

/** Moderate and minor findings seen so far, by state (they do not fail a test; the run saves them). */
export const lesserFindings: Record<string, string[]> = {};

/**
 * Checks the page in light and in dark (the page's prefers-color-scheme) and answers the serious and
 * critical findings of both, each line prefixed with the scheme.
 */
export async function axeBothSchemes(page: Page, state = ''): Promise<string[]> {
  const lines: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    // Let transitions end, so contrast is measured on the final colours.
    await page.evaluate(() =>
      Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
    );
    const findings = await runAxe(page);
    for (const found of blocking(findings)) lines.push(`${scheme}: ${found}`);
    const lesser = findings.filter((f) => !f.impact || !BLOCKING.has(f.impact)).map(line);
    if (lesser.length) (lesserFindings[state] ??= []).push(...lesser.map((l) => `${scheme}: ${l}`));
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: null });
  return lines;
}

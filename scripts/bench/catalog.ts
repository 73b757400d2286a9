import type { BenchSession } from './session';

/** The 150-service category of the sandbox (`bigCategory`) and the panel's distance for this figure. */
const BIG_CATEGORY = 'Telegram Global';
const LATENCY_MS = 150;

/**
 * Runs in the popup before its own scripts: notes the click on a category, the paint after the first
 * service row appears, and the paint after every row inside the viewport shows a price (its rent
 * button no longer waits for one). A string, so the bundler's helpers never leak into the page.
 */
const MARKS_SCRIPT = `(() => {
  const marks = { click: null, firstName: null, allPriced: null };
  globalThis.__catalogMarks = marks;
  document.addEventListener('click', (e) => {
    if (marks.click === null && e.target instanceof Element && e.target.closest('.category')) marks.click = performance.now();
  }, true);
  const waiting = (row) => /Price/.test(row.querySelector('.btn-rent')?.textContent || '');
  const check = () => {
    if (marks.click === null) return;
    const rows = [...document.querySelectorAll('[data-testid="service-row"]')];
    if (!rows.length) return;
    if (marks.firstName === null && !marks.firstPending) {
      marks.firstPending = true;
      requestAnimationFrame(() => { marks.firstName = performance.now(); });
    }
    const shown = rows.filter((r) => r.getBoundingClientRect().top < innerHeight);
    if (marks.allPriced === null && !marks.pricedPending && shown.length && !shown.some(waiting)) {
      marks.pricedPending = true;
      requestAnimationFrame(() => { marks.allPriced = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** One open of the big category: ms from the click, and the panel requests its load sent. */
export interface CategoryOpen {
  firstName: number | null;
  allPriced: number | null;
  requests: number;
}

/**
 * Opens the 150-service category `runs` times in the real popup with the sandbox 150 ms away, the
 * cached catalogue cleared before each run (the search index kept fresh so it does not compete).
 */
export async function measureBigCategory(
  session: BenchSession,
  mode: 'one' | 'category',
  runs = 3,
): Promise<CategoryOpen[]> {
  const { ext, sandbox } = session;
  sandbox.setBigCategory(true);
  sandbox.setDetailsMode(mode);
  sandbox.setLatency(LATENCY_MS);
  const results: CategoryOpen[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      await session.setStorage({
        numbersCatalog: {
          origin: sandbox.url,
          categories: [],
          categoriesAt: 0,
          services: {},
          indexedAt: Date.now(),
        },
        popupDraft: {
          tab: 'numbers',
          categoryId: null,
          search: '',
          sort: 'price',
          showHistory: false,
          order: {},
        },
      });
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.addInitScript(MARKS_SCRIPT);
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      const category = page.locator('.category', { hasText: BIG_CATEGORY });
      await category.waitFor({ timeout: 15_000 });
      const from = sandbox.requests.length;
      await category.click();
      await page
        .waitForFunction(
          () =>
            (globalThis as { __catalogMarks?: { allPriced: number | null } }).__catalogMarks?.allPriced !=
            null,
          undefined,
          { timeout: 20_000, polling: 50 },
        )
        .catch(() => undefined);
      // The load ends when the popup stops saying it refreshes; its requests are counted then.
      await page
        .getByText('Refreshing…')
        .waitFor({ state: 'detached', timeout: 60_000 })
        .catch(() => undefined);
      const marks = await page.evaluate(
        () =>
          (
            globalThis as {
              __catalogMarks?: { click: number; firstName: number | null; allPriced: number | null };
            }
          ).__catalogMarks,
      );
      const since = (t: number | null | undefined) =>
        t == null || marks?.click == null ? null : t - marks.click;
      const requests = sandbox.requests
        .slice(from)
        .filter((r) => r.endpoint === 'getServices' || r.endpoint === 'getServiceDetails').length;
      results.push({ firstName: since(marks?.firstName), allPriced: since(marks?.allPriced), requests });
      await page.close();
    }
  } finally {
    sandbox.setLatency(0);
    sandbox.setDetailsMode('one');
    sandbox.setBigCategory(false);
  }
  return results;
}

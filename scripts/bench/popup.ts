import type { BenchSession } from './session';

/** The cached balance the bench seeds before each open; the sandbox never has this amount. */
const CACHED_AMOUNT = 7.77;
const CACHED_TEXT = '7.77';

/**
 * Runs in the popup before its own scripts: notes (at the next animation frame, i.e. the paint) when
 * the balance first shows the cached amount and when it first shows another, fresh one.
 * A string, so the bundler's helpers never leak into the page.
 */
const MARKS_SCRIPT = `(() => {
  const marks = { cached: null, fresh: null };
  globalThis.__benchMarks = marks;
  const check = () => {
    const el = document.querySelector('[data-testid="balance-amount"]');
    const text = el ? (el.textContent || '').trim() : '';
    if (!text || text === '—') return;
    const which = text.includes(${JSON.stringify(CACHED_TEXT)}) ? 'cached' : 'fresh';
    if (marks[which] !== null || marks[which + 'Pending']) return;
    marks[which + 'Pending'] = true;
    requestAnimationFrame(() => { marks[which] = performance.now(); });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/** Popup timings of one open, in ms since the navigation started. */
export interface PopupOpen {
  cachedPaint: number | null;
  freshData: number | null;
  firstContentfulPaint: number | null;
}

/**
 * Opens the popup `opens` times, each with a seeded cached balance, and measures when the
 * cached balance is painted and when the fresh one from the sandbox replaces it.
 */
export async function measurePopupOpens(session: BenchSession, opens = 5): Promise<PopupOpen[]> {
  const { ext } = session;
  const results: PopupOpen[] = [];
  for (let i = 0; i < opens; i++) {
    const cached = { amount: CACHED_AMOUNT, currency: 'USD' };
    await session.setStorage({ balance: { numbers: cached, orders: cached, at: Date.now() } });
    const page = await ext.context.newPage();
    await page.addInitScript(MARKS_SCRIPT);
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    // Wait for the fresh balance; a popup that never gets it still reports its cached paint.
    await page
      .waitForFunction(
        () => (globalThis as { __benchMarks?: { fresh: number | null } }).__benchMarks?.fresh != null,
        undefined,
        { timeout: 15_000, polling: 50 },
      )
      .catch(() => undefined);
    const marks = await page.evaluate(
      () => (globalThis as { __benchMarks?: { cached: number | null; fresh: number | null } }).__benchMarks,
    );
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    );
    results.push({
      cachedPaint: marks?.cached ?? null,
      freshData: marks?.fresh ?? null,
      firstContentfulPaint: fcp,
    });
    await page.close();
  }
  return results;
}

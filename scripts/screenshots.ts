/**
 * Screenshots of the popup's newer states, in English and in Turkish, saved to
 * artifacts/screenshots/<lang>-<name>.png: the site card over a sign-up page, the first screen's
 * search across every category, a big category whose prices are still arriving, "Rent another" and
 * "Cancel and rent another", a mass order, and the CSV export in the options page.
 * Runs the e2e build against the sandbox panel in headless Chromium: `npm run screenshots`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, waitFor, type ExtensionHarness } from '../tests/e2e/harness';
import { TOOLBAR_SWITCH, ToolbarPopup } from '../tests/e2e/pages/toolbar';
import { startSandbox, type Sandbox } from '../tests/sandbox/server';

const OUT = resolve('artifacts/screenshots');
const SIGNUP = `<!doctype html><html lang="en"><head><title>Create an account</title></head><body>
<h1>Create an account</h1><label>Phone <input type="tel" autocomplete="tel"></label></body></html>`;

async function shot(page: Page, lang: string, name: string) {
  const file = resolve(OUT, `${lang}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`• ${file}`);
}

async function popup(ext: ExtensionHarness, query = ''): Promise<Page> {
  const page = await ext.openPopup(query);
  await page.setViewportSize({ width: 380, height: 600 });
  await page.locator('.popup-main').waitFor();
  return page;
}

/** The tab id of a page the browser shows. */
async function tabIdOf(ext: ExtensionHarness, url: string): Promise<number> {
  const helper = await ext.openPage('offscreen.html');
  const id = await helper.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  await helper.close();
  return id;
}

async function siteCard(ext: ExtensionHarness, lang: string, port: number) {
  const url = `http://discord.localhost:${port}/`;
  const site = await ext.context.newPage();
  await site.goto(url);
  // The toolbar button grants activeTab for the site, as a person's click does.
  await (await ToolbarPopup.open(ext, site)).close();
  const page = await popup(ext, `?tab=${await tabIdOf(ext, url)}`);
  await page.locator('[data-testid=site-card] #site-country').waitFor();
  await page.locator('[data-testid=site-rent]:not([disabled])').waitFor();
  await shot(page, lang, 'site-card');
  await page.close();
  await site.close();
}

async function searchEverything(ext: ExtensionHarness, lang: string) {
  await ext.send('indexServices', {});
  const page = await popup(ext);
  await page.locator('.search').fill('telegram endonezya');
  await page.locator('[data-testid="service-row"]').first().waitFor();
  await page.locator('[data-testid="service-row"] .btn-rent:not([disabled])').first().waitFor();
  await shot(page, lang, 'search-every-category');
  await page.locator('.search').fill('');
  await page.close();
}

async function bigCategory(ext: ExtensionHarness, sandbox: Sandbox, lang: string) {
  sandbox.setLatency(400);
  const page = await popup(ext);
  await page.locator('.category', { hasText: 'Telegram Global' }).click();
  await page.locator('[data-testid="service-row"]').first().waitFor();
  await shot(page, lang, 'big-category-prices-arriving');
  sandbox.setLatency(0);
  await page
    .getByRole('button', { name: /‹/ })
    .first()
    .click()
    .catch(() => undefined);
  await page.close();
}

async function massOrder(ext: ExtensionHarness, lang: string) {
  const page = await popup(ext);
  await page.locator('#tab-orders').click();
  await page.getByTestId('orders-view-mass').click();
  await page.getByTestId('mass-text').waitFor();
  const lines = [1, 2, 3].map((n) => `3 | https://instagram.com/shots${n} | ${100 * n}`);
  await page.getByTestId('mass-text').fill([...lines, '3 | https://x.com/y | 5'].join('\n'));
  await page.getByTestId('mass-submit').click();
  await page.getByTestId('mass-line-error').first().waitFor();
  await shot(page, lang, 'mass-order-checked');
  await page.getByTestId('mass-text').fill(lines.join('\n'));
  await waitFor(async () => (await page.getByTestId('mass-summary').count()) > 0, 'the total');
  await page.getByTestId('mass-submit').click();
  await page.getByTestId('mass-confirm').waitFor();
  await shot(page, lang, 'mass-order-confirm');
  await page.getByTestId('mass-confirm').click();
  await waitFor(async () => (await page.getByTestId('mass-result').count()) === 3, 'three results');
  await page.getByText(/#\d+/).first().waitFor();
  await shot(page, lang, 'mass-order-placed');
  await page.getByTestId('mass-new').click();
  await page.locator('#tab-numbers').click();
  await page.close();
}

async function rentAgain(ext: ExtensionHarness, sandbox: Sandbox, lang: string) {
  const rent = async (n: number) => {
    const reply = await ext.send('rent', {
      serviceId: 41,
      serviceName: 'Telegram Endonezya',
      categoryName: 'Telegram',
      price: 0.1,
      requestId: `shot-${lang}-${n}`,
    });
    return (reply.res as { rentalId: string }).rentalId;
  };
  const state = async (id: string) =>
    ((await ext.storage<{ id: string; state: string }[]>('rentals')) ?? []).find((r) => r.id === id)?.state;
  // A number whose window closed without a code: "Rent another".
  const ended = await rent(1);
  sandbox.advance(21 * 60_000);
  await waitFor(async () => (await state(ended)) !== 'waiting', 'the window closed');
  // A waiting number whose cancel the panel refuses in its first minutes: the time it will be possible.
  sandbox.refuseCancelsFor(120_000);
  await rent(2);
  const page = await popup(ext);
  await page.getByTestId('phone-number').nth(1).waitFor();
  await page
    .getByRole('button', { name: /Cancel and rent another|İptal et ve başka/ })
    .first()
    .click();
  await page.getByTestId('cancel-retry').first().waitFor();
  await shot(page, lang, 'rent-another-and-refused-cancel');
  sandbox.refuseCancelsFor(null);
  await page.close();
  for (const r of (await ext.storage<{ id: string }[]>('rentals')) ?? [])
    await ext.send('finishRental', { rentalId: r.id });
}

async function exportCsv(ext: ExtensionHarness, lang: string) {
  const page = await ext.openOptions();
  await page.setViewportSize({ width: 900, height: 900 });
  const button = page.getByTestId('export-numbers');
  await button.scrollIntoViewIfNeeded();
  await page.screenshot({ path: resolve(OUT, `${lang}-options-export-csv.png`) });
  console.log(`• ${resolve(OUT, `${lang}-options-export-csv.png`)}`);
  await page.close();
}

async function run(lang: 'en' | 'tr', port: number) {
  const sandbox = await startSandbox({ bigCategory: true, codeDelayMs: 60 * 60_000 });
  const ext = await launchExtension({ lang, args: [TOOLBAR_SWITCH] });
  try {
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    await siteCard(ext, lang, port);
    await searchEverything(ext, lang);
    await bigCategory(ext, sandbox, lang);
    await rentAgain(ext, sandbox, lang);
    await massOrder(ext, lang);
    await exportCsv(ext, lang);
  } finally {
    await ext.close();
    await sandbox.close();
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (!process.argv.includes('--no-build')) {
    execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });
  }
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(SIGNUP),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    for (const lang of ['en', 'tr'] as const) await run(lang, port);
  } finally {
    server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

/**
 * The demo: build the extension, start the sandbox panel, open Chromium with the extension,
 * set the key in the popup, rent a number for a sign-up page, wait for the code and fill it.
 * With a display the browser stays open; without one it runs headless and saves screenshots.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startSandbox } from '../tests/sandbox/server';
import { launchExtension, waitFor } from '../tests/e2e/harness';

const OUT = resolve(process.env.DEMO_OUT ?? 'artifacts/demo');
const headless = process.env.HEADLESS ? process.env.HEADLESS !== '0' : !process.env.DISPLAY;
let step = 0;

const say = (text: string) => console.log(`• ${text}`);

async function shot(page: Page, name: string) {
  const file = join(OUT, `${String(++step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  say(`screenshot ${file}`);
}

/** Chromium from Debian's packages; installed here when missing and we are root (as CI does). */
function ensureChromium() {
  if (existsSync('/usr/bin/chromium') || process.env.CHROMIUM_PATH) return;
  if (process.getuid?.() === 0) {
    say('installing Chromium from Debian packages…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return;
  }
  console.error('Chromium is needed: install it (sudo apt-get install chromium) or set CHROMIUM_PATH.');
  process.exit(1);
}

/** Serves the demo sign-up page on 127.0.0.1. */
async function serveSignup() {
  const html = readFileSync(resolve('scripts/demo/signup.html'));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/signup`,
    close: () => server.close(),
  };
}

async function main() {
  ensureChromium();
  mkdirSync(OUT, { recursive: true });
  say('building the extension (sandbox build)…');
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'ignore' });
  if (build.status !== 0) throw new Error('the build failed: run "npm run build:e2e" to see why');

  const sandbox = await startSandbox({ codeDelayMs: 6000 });
  const site = await serveSignup();
  say(`sandbox panel at ${sandbox.url} (demo key ${sandbox.key})`);
  const ext = await launchExtension({ headless });

  const signup = await ext.context.newPage();
  await signup.setViewportSize({ width: 900, height: 640 });
  await signup.goto(site.url);
  const helper = await ext.openPage('offscreen.html');
  const tabId = await helper.evaluate(
    async (url) => (await chrome.tabs.query({ url: url + '*' }))[0]?.id ?? -1,
    site.url,
  );
  await helper.close();

  // 1. First run: the popup asks for the key and the panel address.
  const popup = await ext.openPopup(`?tab=${tabId}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByLabel(/Panel address|Panel adresi/).fill(sandbox.url);
  await popup.getByLabel(/^API key$|^API anahtarı$/).fill(sandbox.key);
  await shot(popup, 'key-setup');
  await popup.getByRole('button', { name: /^(Save|Kaydet)$/ }).click();
  await popup.getByRole('tab', { name: /Numbers|Numaralar/ }).waitFor({ timeout: 15_000 });
  say('key saved; the balance is shown in the header');
  await shot(popup, 'balance');

  // 2. Pick a category and a country, rent a number.
  await popup
    .getByRole('button', { name: /WhatsApp/i })
    .first()
    .click();
  const rent = popup
    .locator('[data-testid=service-row]', { hasText: 'Türkiye' })
    .getByRole('button', { name: /Rent|Kirala/ })
    .first();
  await rent.waitFor({ timeout: 15_000 });
  await shot(popup, 'services');
  await rent.click();
  const number = await waitFor(
    async () => (await ext.storage<{ number: string | null }[]>('rentals'))?.[0]?.number,
    'the rented number',
  );
  say(`rented ${number}; the background now polls for the SMS`);
  await shot(popup, 'waiting');

  // 3. Fill the number into the sign-up page.
  await popup
    .getByRole('button', { name: /Fill into page|Sayfaya doldur/ })
    .first()
    .click();
  await waitFor(async () => (await signup.inputValue('#phone')).length > 0, 'the number in the page');
  await shot(signup, 'number-filled');

  // 4. The code arrives: badge, notification, popup.
  const code = await waitFor(
    async () => (await ext.storage<{ codes: { code: string }[] }[]>('rentals'))?.[0]?.codes[0]?.code,
    'the SMS code',
    30_000,
  );
  say(`code ${code} arrived (badge, notification, and on top of the popup)`);
  await popup.getByText(code).first().waitFor();
  await shot(popup, 'code');

  // 5. Fill it into the page.
  await popup
    .getByRole('button', { name: new RegExp(`(Fill|Doldur).*${code}|${code}.*(doldur|Doldur)`) })
    .click();
  await waitFor(async () => (await signup.inputValue('#otp')) === code, 'the code in the page');
  await signup.locator('#done').waitFor();
  await shot(signup, 'code-filled');
  say(`the sign-up page says: ${await signup.textContent('#done')}`);

  if (headless) {
    await ext.close();
    await sandbox.close();
    site.close();
    say(`done — screenshots in ${OUT}`);
  } else {
    say('done — the browser stays open; press Ctrl+C to quit');
    process.once('SIGINT', async () => {
      await ext.close();
      await sandbox.close();
      site.close();
      process.exit(0);
    });
  }
}

main().catch((e: unknown) => {
  console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

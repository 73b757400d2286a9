import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { createT } from '../i18n';
import { launchFirefox, waitFor, type FirefoxHarness } from './harness';
import { FirefoxPopup } from './popup';

// The main job and the fault essentials in real Firefox ESR (the Firefox e2e build as a temporary
// add-on), through the popup as a person uses it, against the sandbox panel on a loopback port:
// every panel address here has a port, which a Firefox match pattern cannot carry.

const t = createT('en');
/** The badge colours (entrypoints/background/badge.ts): unseen codes, waiting numbers. */
const GREEN = [0x1a, 0x7f, 0x37, 255];
const NEUTRAL = [0x57, 0x60, 0x6a, 255];

interface StoredRental {
  id: string;
  serviceName: string;
  state: string;
  numberId?: number;
  codes: { code: string }[];
}

describe('Firefox: the main journey and the fault essentials', () => {
  let sandbox: Sandbox;
  let ff: FirefoxHarness;

  beforeAll(async () => {
    sandbox = await startSandbox({ codeDelayMs: 1500 });
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await sandbox?.close();
  });
  afterEach(() => sandbox.clearFaults());

  const rentals = async () => (await ff.storage<StoredRental[]>('rentals')) ?? [];
  const rentalOf = async (service: string) => (await rentals()).find((r) => r.serviceName === service);

  it('first run: a wrong key gets its sentence; the key for a panel address with a port is saved', async () => {
    const popup = await FirefoxPopup.open(ff);
    expect(new URL(sandbox.url).port).not.toBe('');
    await popup.saveKey('not-the-key', sandbox.url);
    const error = await popup.text('[data-testid=key-error]');
    expect(error).toContain(t('error_bad_key'));
    await popup.saveKey(sandbox.key, sandbox.url);
    await popup.find('[role=tab]', 'Numbers');
    await popup.find('[data-testid=balance-amount]', '25.00');
    expect(await ff.storage('panelOrigin')).toBe(sandbox.url);
    expect(JSON.stringify(await ff.storage('keyHint'))).not.toContain(sandbox.key);
    await popup.page.close();
  });

  it('rent → the code arrives → the badge counts it → Fill types it; then automatic fill on a site with a port', async () => {
    const site = await ff.openSite('/signup');
    const tabId = await ff.tabIdOf(`${ff.siteUrl}/signup`);
    const popup = await FirefoxPopup.open(ff, `?tab=${tabId}`);
    await popup.openCategory('WhatsApp');
    // The code comes when the test says, so the popup can be behind the page (a visible popup marks it seen).
    sandbox.setCodeDelay(600_000);
    const rentsBefore = sandbox.count('getNumber');
    await popup.rent('Whatsapp Fransa');
    expect(await popup.rentalText('Whatsapp Fransa', '[data-testid=phone-number]')).toMatch(/^\+33 6\d{8}$/);
    expect(sandbox.count('getNumber')).toBe(rentsBefore + 1);
    await waitFor(async () => (await ff.badge()).text === '1', 'the badge to count the waiting number');
    expect((await ff.badge()).color).toEqual(NEUTRAL);
    // The open popup's port makes the background page poll the waiting number every second.
    const waitingId = String((await rentalOf('Whatsapp Fransa'))!.numberId);
    const polls = () =>
      sandbox.requests.filter((r) => r.endpoint === 'getMessage' && r.params.number_id === waitingId);
    const from = polls().length;
    await waitFor(() => polls().length >= from + 3, 'three polls with the popup open');
    const at = polls()
      .slice(from)
      .map((r) => r.at);
    expect(
      at.slice(1).every((t, i) => t - at[i]! < 1_600),
      `poll times ${at}`,
    ).toBe(true);

    await site.bringToFront();
    await waitFor(() => site.evaluate(() => document.visibilityState === 'visible'), 'the page in front');
    const { numberId } = (await rentalOf('Whatsapp Fransa'))!;
    sandbox.deliverCode(numberId!);
    await waitFor(
      async () => (await ff.badge()).color.join() === GREEN.join(),
      'the badge to count the code',
    );
    expect((await ff.badge()).text).toBe('1');

    await popup.page.bringToFront();
    const code = await popup.rentalText('Whatsapp Fransa', '[data-testid=code]');
    expect(code).toMatch(/^\d{4,8}$/);
    await popup.clickOnRental('Whatsapp Fransa', '.code-box .btn:not(.btn-primary)');
    await waitFor(
      async () => (await site.$eval('#code', (e) => (e as HTMLInputElement).value)) === code,
      'the code in the page',
    );
    await waitFor(async () => (await ff.badge()).text === '', 'the badge to clear');
    sandbox.setCodeDelay(1500);

    // Automatic fill for the sign-up site (http://127.0.0.1:PORT): asked in the click, then no click at all.
    await popup.clickOnRental('Whatsapp Fransa', '.btn-link');
    const host = new URL(ff.siteUrl).host;
    expect(await popup.rentalText('Whatsapp Fransa', '[data-testid=rental-note]')).toBe(
      t('ui_autofill_on', { site: host }),
    );
    await site.$eval('#code', (e) => void ((e as HTMLInputElement).value = ''));
    await popup.rent('Whatsapp Endonezya');
    const second = await waitFor(
      async () => (await rentalOf('Whatsapp Endonezya'))?.codes[0]?.code,
      'a code',
    );
    expect(second).not.toBe(code);
    await waitFor(
      async () => (await site.$eval('#code', (e) => (e as HTMLInputElement).value)) === second,
      'the second code typed into the page without a click',
    );
    await popup.page.close();
    await site.close();
  });

  it('the panel down and an HTML page instead of an answer: the popup says so in a sentence', async () => {
    const page = await ff.helper();
    await page.evaluate(() =>
      (
        globalThis as unknown as { browser: typeof import('webextension-polyfill') }
      ).browser.storage.local.remove(['numbersCatalog', 'popupDraft']),
    );
    sandbox.injectFault('getBalance', { type: 'http502' }, 10);
    sandbox.injectFault('balance', { type: 'http502' }, 10);
    sandbox.injectFault('getCategories', { type: 'html' }, 10);
    const popup = await FirefoxPopup.open(ff);
    const balanceAlert = await popup.text('header [role=alert]');
    const categoriesAlert = await popup.text('section[aria-labelledby="rent-title"] [role=alert]');
    for (const sentence of [balanceAlert, categoriesAlert]) {
      expect(sentence.trim().length).toBeGreaterThan(20);
      expect(sentence).not.toMatch(/<|html/i);
    }
    expect((await ff.send('getCategories')).err?.kind).toBe('unavailable');
    sandbox.clearFaults();
    await popup.click('section[aria-labelledby="rent-title"] [role=alert]', '', 'button');
    await popup.find('.category', 'WhatsApp');
    await popup.page.close();
  });

  it('a getNumber whose connection drops reaches the panel once, and the card says so', async () => {
    const popup = await FirefoxPopup.open(ff);
    await popup.openCategory('Telegram');
    const sent = sandbox.count('getNumber');
    const rented = sandbox.numbers().length;
    // One drop only: a browser that silently re-sent the POST would get a second, normal answer.
    sandbox.injectFault('getNumber', { type: 'drop' }, 1);
    await popup.rent('Telegram Türkiye');
    // The click has settled once the rental left 'renting' (a retry would have answered by then).
    await waitFor(
      async () => (await rentalOf('Telegram Türkiye'))?.state !== 'renting',
      'the rent to settle',
    );
    expect({ sent: sandbox.count('getNumber') - sent, rented: sandbox.numbers().length - rented }).toEqual({
      sent: 1,
      rented: 1,
    });
    const alert = await popup.rentalText('Telegram Türkiye', '[role=alert]');
    expect(alert.trim().length).toBeGreaterThan(20);
    await popup.page.close();
  });

  it('no request to the panel while no number waits (a cancelled number stays listed, unpolled)', async () => {
    const popup = await FirefoxPopup.open(ff);
    await popup.openCategory('Telegram');
    sandbox.setCodeDelay(600_000);
    await popup.rent('Telegram Hindistan');
    await popup.find('[data-testid=rental]', 'Telegram Hindistan', '[data-testid=phone-number]');
    await popup.clickOnRental('Telegram Hindistan', '.btn-danger');
    await waitFor(async () => (await rentalOf('Telegram Hindistan'))?.state === 'cancelled', 'the cancel');
    await popup.page.close();
    // Numbers with a code are polled for a second one until Done: finish them; the rest stay listed.
    for (const r of await rentals())
      if (r.state === 'received') await ff.send('finishRental', { rentalId: r.id });
    const left = await rentals();
    expect(left.map((r) => r.state)).toContain('cancelled');
    expect(left.filter((r) => ['renting', 'waiting', 'received'].includes(r.state))).toEqual([]);
    const page = await ff.helper();
    // The positive sign: the poll loop found nothing waiting and cleared its watchdog alarm.
    await waitFor(
      async () =>
        !(await page.evaluate(async () =>
          (globalThis as unknown as { browser: typeof import('webextension-polyfill') }).browser.alarms.get(
            'poll-watchdog',
          ),
        )),
      'the poll watchdog to be cleared',
    );
    // Then three poll intervals (3 s each) in which any panel call would be seen at once.
    const calls = sandbox.requests.length;
    const until = Date.now() + 9_000;
    await waitFor(
      () => {
        const late = sandbox.requests.slice(calls).map((r) => r.endpoint);
        if (late.length) throw new Error(`the panel was called while nothing waits: ${late.join(', ')}`);
        return Date.now() > until;
      },
      'three idle poll intervals',
      15_000,
    );
  });
});

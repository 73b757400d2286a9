import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Endpoint, type Fault, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness } from './harness';
import { PopupPage } from './pages/popup';

interface StoredRental {
  id: string;
  state: string;
  number: string | null;
  numberId: number | null;
  codes: { code: string }[];
  failures: number;
  cancel: { refunded: boolean; message: string } | null;
  error: { kind: string; mayHaveCharged: boolean; message: string } | null;
}

interface Reply {
  res?: unknown;
  err?: { kind?: string; message: string; mayHaveCharged?: boolean; code?: string };
}

/** A fault the sandbox can inject, the error kind the person must get, and whether money may be gone. */
interface FaultCase {
  name: string;
  fault: Fault;
  kind: string;
  /** After this failure a getNumber may have been charged (so it is never retried). */
  ambiguous: boolean;
}

const CASES: FaultCase[] = [
  { name: 'http500', fault: { type: 'http500' }, kind: 'unavailable', ambiguous: true },
  { name: 'http502', fault: { type: 'http502' }, kind: 'unavailable', ambiguous: true },
  { name: 'html page', fault: { type: 'html' }, kind: 'unavailable', ambiguous: true },
  // Retry-After past what the client waits for: the error reaches the person at once.
  {
    name: 'rateLimit',
    fault: { type: 'rateLimit', retryAfterSec: 60 },
    kind: 'rate_limited',
    ambiguous: false,
  },
  { name: 'malformed', fault: { type: 'malformed' }, kind: 'unexpected', ambiguous: true },
  { name: 'empty', fault: { type: 'empty' }, kind: 'unavailable', ambiguous: true },
  { name: 'drop', fault: { type: 'drop' }, kind: 'network', ambiguous: true },
];

/** One panel error in the three forms panels use: English, Turkish, a raw key. */
const panelTexts = (kind: string, texts: [english: string, turkish: string, rawKey: string]): FaultCase[] =>
  (['English', 'Turkish', 'raw key'] as const).map((form, i) => ({
    name: `panelError ${form}`,
    fault: { type: 'panelError', text: texts[i]! },
    kind,
    ambiguous: false,
  }));

/** For a call that reads, and for one that spends. */
const READ_TEXTS = panelTexts('bad_key', [
  'Invalid API key',
  'Geçersiz API anahtarı',
  'api.error.invalid_key',
]);
const SPEND_TEXTS = panelTexts('insufficient_funds', [
  'Not enough funds on balance',
  'Bakiyeniz yetersiz',
  'neworder.error.not_enough_funds',
]);

const SERVICE = { id: 41, name: 'Telegram Endonezya', category: 'Telegram' };
const OTHER_SERVICE_ID = 42;
const rentData = (requestId: string, serviceId = SERVICE.id) => ({
  serviceId,
  serviceName: SERVICE.name,
  categoryName: SERVICE.category,
  price: 0.1,
  requestId,
});

/** A slow answer that outlasts the client's 12 s timeout (utils/api/http.ts DEFAULT_TIMEOUT_MS). */
const PAST_TIMEOUT: Fault = { type: 'slow', ms: 13_000 };

describe('faults in real Chromium against the sandbox panel', () => {
  let sandbox: Sandbox;
  let ext: ExtensionHarness;
  let page: Page;
  let seq = 0;

  const nextId = (what: string) => `${what}-${++seq}`;
  const active = async () => (await ext.storage<StoredRental[]>('rentals')) ?? [];
  const history = async () => (await ext.storage<StoredRental[]>('rentalHistory')) ?? [];
  const find = async (id: string) =>
    (await active()).find((r) => r.id === id) ?? (await history()).find((r) => r.id === id);
  const rentalIdOf = async (requestId: string) =>
    (await ext.storage<Record<string, string>>('rentRequests'))?.[requestId];

  /** The reply is an error of that kind with a sentence for a person, and no key anywhere in it. */
  const expectSentence = (reply: Reply, kind: string, what: string) => {
    expect(reply.err, what).toBeDefined();
    expect(reply.err!.kind, what).toBe(kind);
    expect(reply.err!.message.length, what).toBeGreaterThan(15);
    expect(reply.err!.message, what).toMatch(/^[A-ZÇĞİÖŞÜ]/);
    expect(JSON.stringify(reply), what).not.toContain(sandbox.key);
  };

  /** Rents a number that waits for its code; answers the rental. */
  const rentWaiting = async (serviceId = SERVICE.id) => {
    const reply = (await ext.send('rent', rentData(nextId('rent'), serviceId))) as Reply;
    expect(reply.err).toBeUndefined();
    const rental = reply.res as StoredRental;
    expect(rental.state).toBe('waiting');
    return rental;
  };

  /** Sends a message from an extension page without waiting for the answer (the worker may die first). */
  const fire = (type: string, data: unknown) =>
    page.evaluate((m) => chrome.runtime.sendMessage(m).catch((e: unknown) => ({ lost: String(e) })), {
      type,
      data,
    }) as Promise<Reply | { lost: string }>;

  /** Any message wakes a stopped worker; its start recovers cut-off work and resumes polling. */
  const wakeWorker = () => ext.send('markSeen', { rentalId: 'none' });

  const inject = (endpoints: Endpoint[], fault: Fault, times: number) => {
    for (const e of endpoints) sandbox.injectFault(e, fault, times);
  };

  const openExtension = async (profileDir?: string) => {
    ext = await launchExtension(profileDir ? { profileDir, keepProfile: true } : { keepProfile: true });
    page = await ext.openPage('offscreen.html');
  };

  beforeAll(async () => {
    // Codes come only when a test delivers them.
    sandbox = await startSandbox({ codeDelayMs: Number.POSITIVE_INFINITY });
    await openExtension();
    await ext.configure({ origin: sandbox.url, key: sandbox.key });
    // Poll every second, so a poller that backs off after faults recovers within the test's time.
    await page.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(settings ?? {}), pollIntervalSec: 1 },
        settings$: { v: 2 },
      });
    });
    expect((await ext.send('getBalance')).res).toBeTruthy();
    expect((await ext.send('getCategories')).res).toBeTruthy();
    expect((await ext.send('getServices', { categoryId: 4 })).res).toBeTruthy();
  });

  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
    if (ext) await rm(ext.profileDir, { recursive: true, force: true });
  });

  it('reads (balance, categories, services): every fault is a sentence of the right kind; caches survive', async () => {
    const balanceBefore = await ext.storage<{ numbers: unknown }>('balance');
    for (const c of [...CASES, ...READ_TEXTS]) {
      // Enough faults for the client's retries and for Chromium's own replay of a dropped request.
      inject(['getBalance', 'balance', 'getCategories', 'getServices'], c.fault, 10);
      const [balance, categories, services] = await Promise.all([
        ext.send('getBalance'),
        ext.send('getCategories'),
        ext.send('getServices', { categoryId: 4 }),
      ]);
      sandbox.clearFaults();
      expectSentence(balance, c.kind, `getBalance, ${c.name}`);
      expectSentence(categories, c.kind, `getCategories, ${c.name}`);
      expectSentence(services, c.kind, `getServices, ${c.name}`);
    }
    // Nothing cached was wiped by a failure, and the next call works.
    expect(await ext.storage<{ numbers: unknown }>('balance')).toMatchObject({
      numbers: balanceBefore.numbers,
    });
    const catalog = await ext.storage<{ categories: unknown[]; services: Record<string, unknown> }>(
      'numbersCatalog',
    );
    expect(catalog.categories.length).toBeGreaterThan(0);
    expect(catalog.services['4']).toBeTruthy();
    expect((await ext.send('getBalance')).res).toMatchObject({ numbers: { amount: expect.any(Number) } });
  });

  it('rent: one getNumber per click; an ambiguous failure leaves an "unknown" entry and is never re-sent', async () => {
    for (const c of [...CASES.filter((x) => x.fault.type !== 'drop'), ...SPEND_TEXTS]) {
      const before = sandbox.count('getNumber');
      sandbox.injectFault('getNumber', c.fault);
      const requestId = nextId(`rent-${c.name}`);
      const reply = (await ext.send('rent', rentData(requestId))) as Reply;
      expectSentence(reply, c.kind, `rent, ${c.name}`);
      expect(reply.err!.mayHaveCharged, c.name).toBe(c.ambiguous);
      expect(sandbox.count('getNumber'), c.name).toBe(before + 1);
      const rentalId = await rentalIdOf(requestId);
      const rental = rentalId ? (await active()).find((r) => r.id === rentalId) : undefined;
      if (c.ambiguous) {
        expect(rental, c.name).toMatchObject({ state: 'unknown', error: { mayHaveCharged: true } });
        // The same click sent again (a retry storm, a reopened popup) answers the entry, not a new rent.
        const again = (await ext.send('rent', rentData(requestId))) as Reply;
        expect((again.res as StoredRental).id).toBe(rentalId);
        expect(sandbox.count('getNumber'), c.name).toBe(before + 1);
        await ext.send('finishRental', { rentalId: rentalId! });
      } else {
        expect(rental, c.name).toBeUndefined();
      }
    }
    expect((await active()).filter((r) => r.state === 'renting' || r.state === 'unknown')).toEqual([]);
  });

  it('rent: a getNumber whose connection drops after the panel rented reaches the panel once', async () => {
    // A browser of its own, warmed the way real use is: balance, catalogue, and the poller's reads
    // keep keep-alive connections to the panel open. Spending calls use a connection pool of their
    // own (utils/api/http.ts), so the browser's silent re-send of a POST on a stale reused
    // connection cannot hit them. Left open: a second spending call within the browser's idle
    // socket lifetime reuses the first one's connection (README, "Known limits").
    const fresh = await launchExtension();
    try {
      await fresh.configure({ origin: sandbox.url, key: sandbox.key });
      expect((await fresh.send('getBalance')).res).toBeTruthy();
      expect((await fresh.send('getCategories')).res).toBeTruthy();
      expect((await fresh.send('getServices', { categoryId: 4 })).res).toBeTruthy();
      const before = sandbox.count('getNumber');
      const numbersBefore = sandbox.numbers().length;
      sandbox.injectFault('getNumber', { type: 'drop' });
      const requestId = nextId('rent-drop');
      const reply = (await fresh.send('rent', rentData(requestId))) as Reply;
      sandbox.clearFaults();
      const sent = sandbox.count('getNumber') - before;
      const rented = sandbox.numbers().length - numbersBefore;
      expect({ sent, rented }).toEqual({ sent: 1, rented: 1 });
      expectSentence(reply, 'network', 'rent, drop');
      expect(reply.err!.mayHaveCharged).toBe(true);
      const stored = (await fresh.storage<StoredRental[]>('rentals')) ?? [];
      expect(stored.map((r) => r.state)).toEqual(['unknown']);
    } finally {
      await fresh.close();
    }
  });

  it('cancel: each fault is a sentence or the panel’s refusal; the number stays listed and is then refunded', async () => {
    const rental = await rentWaiting();
    const cancelCases = [
      ...CASES.filter((x) => x.fault.type !== 'drop'),
      {
        name: 'panelError English',
        fault: { type: 'panelError', text: 'This number cannot be cancelled yet' },
      },
      { name: 'panelError Turkish', fault: { type: 'panelError', text: 'Numara henüz iptal edilemez' } },
      { name: 'panelError raw key', fault: { type: 'panelError', text: 'number.error.cancel_too_early' } },
    ] as (Omit<FaultCase, 'kind' | 'ambiguous'> & { kind?: string })[];
    for (const c of cancelCases) {
      const before = sandbox.count('cancelNumber');
      sandbox.injectFault('cancelNumber', c.fault);
      const reply = (await ext.send('cancelRental', { rentalId: rental.id })) as Reply;
      if (c.fault.type === 'panelError') {
        // A refusal is an answer: the panel's words are kept and the number goes on waiting.
        expect(reply.res, c.name).toMatchObject({
          state: 'waiting',
          cancel: { refunded: false, message: c.fault.text },
        });
      } else {
        expectSentence(reply, c.kind!, `cancel, ${c.name}`);
      }
      expect(sandbox.count('cancelNumber'), `cancel is not retried, ${c.name}`).toBe(before + 1);
      expect((await find(rental.id))?.state, c.name).toBe('waiting');
      expect(sandbox.numbers().find((n) => n.id === rental.numberId)?.status).toBe('waiting');
    }
    const done = (await ext.send('cancelRental', { rentalId: rental.id })) as Reply;
    expect(done.res).toMatchObject({ state: 'cancelled', cancel: { refunded: true } });
    expect(sandbox.numbers().find((n) => n.id === rental.numberId)).toMatchObject({
      status: 'cancelled',
      refunded: true,
    });
  });

  it('cancel: a dropped cancel still ends with the number cancelled and refunded', async () => {
    const rental = await rentWaiting();
    sandbox.injectFault('cancelNumber', { type: 'drop' }, 2);
    const reply = (await ext.send('cancelRental', { rentalId: rental.id })) as Reply;
    sandbox.clearFaults();
    if (reply.err) expectSentence(reply, 'network', 'cancel, drop');
    // The panel did cancel; the poller learns it from getMessage.
    await waitFor(
      async () => (await find(rental.id))?.state === 'cancelled',
      'the rental to end cancelled',
      15_000,
    );
    expect(sandbox.numbers().find((n) => n.id === rental.numberId)).toMatchObject({
      status: 'cancelled',
      refunded: true,
    });
  });

  it('the poller rides out every fault on getMessage, loses no number, and gets the codes after', async () => {
    const waiting = [await rentWaiting(), await rentWaiting(OTHER_SERVICE_ID), await rentWaiting()];
    const faulted = () => sandbox.requests.filter((r) => r.endpoint === 'getMessage' && r.fault).length;
    const before = faulted();
    // A short Retry-After here: the poller honours it, and a minute's pause would outlast the test.
    const cases = [
      ...CASES.map((c) =>
        c.fault.type === 'rateLimit' ? { ...c, fault: { type: 'rateLimit', retryAfterSec: 2 } as Fault } : c,
      ),
      ...READ_TEXTS.slice(0, 1),
      ...SPEND_TEXTS.slice(1, 2),
    ];
    for (const c of cases) sandbox.injectFault('getMessage', c.fault);
    await waitFor(
      async () => faulted() - before >= cases.length,
      'every getMessage fault to be served',
      30_000,
      200,
    );
    const during = await active();
    for (const r of waiting) expect(during.find((x) => x.id === r.id)?.state).toBe('waiting');
    expect(during.some((r) => waiting.some((w) => w.id === r.id) && r.failures > 0)).toBe(true);

    const codes = waiting.map((r, i) => {
      const code = String(604310 + i);
      sandbox.deliverCode(r.numberId!, code);
      return code;
    });
    const after = await waitFor(
      async () => {
        const list = await active();
        const got = waiting.map((w) => list.find((r) => r.id === w.id));
        return got.every((r) => r?.codes.length) ? got : null;
      },
      'every code after the faults',
      20_000,
      200,
    );
    expect(after.map((r) => r!.codes[0]!.code)).toEqual(codes);
    expect(after.map((r) => r!.failures)).toEqual([0, 0, 0]);
    for (const r of waiting) await ext.send('finishRental', { rentalId: r.id });
  });

  it('past the client timeout: rent is unknown and not re-sent, cancel fails cleanly, a read retries and succeeds', async () => {
    const toCancel = await rentWaiting(OTHER_SERVICE_ID);
    const rentsBefore = sandbox.count('getNumber');
    const cancelsBefore = sandbox.count('cancelNumber');
    sandbox.injectFault('getNumber', PAST_TIMEOUT);
    sandbox.injectFault('cancelNumber', PAST_TIMEOUT);
    sandbox.injectFault('getBalance', PAST_TIMEOUT);
    const requestId = nextId('rent-slow');
    const started = Date.now();
    const [rent, cancel, balance] = (await Promise.all([
      ext.send('rent', rentData(requestId)),
      ext.send('cancelRental', { rentalId: toCancel.id }),
      ext.send('getBalance'),
    ])) as Reply[];
    expect(Date.now() - started).toBeGreaterThan(11_000);
    expectSentence(rent!, 'timeout', 'rent, slow');
    expect(rent!.err!.mayHaveCharged).toBe(true);
    expectSentence(cancel!, 'timeout', 'cancel, slow');
    expect(balance!.res).toMatchObject({ numbers: { amount: expect.any(Number) } });

    const rentalId = (await rentalIdOf(requestId))!;
    expect(await find(rentalId)).toMatchObject({
      state: 'unknown',
      error: { kind: 'timeout', mayHaveCharged: true },
    });
    await ext.send('rent', rentData(requestId));
    expect(sandbox.count('getNumber')).toBe(rentsBefore + 1);
    expect(sandbox.count('cancelNumber')).toBe(cancelsBefore + 1);
    // The slow cancel did happen at the panel: the poller learns it and the number ends cancelled.
    await waitFor(
      async () => (await find(toCancel.id))?.state === 'cancelled',
      'the slow cancel to show',
      15_000,
    );
    await ext.send('finishRental', { rentalId });
  });

  it('the worker stopped in the middle of a rent: the rental becomes unknown and getNumber is never re-sent', async () => {
    const before = sandbox.count('getNumber');
    sandbox.injectFault('getNumber', { type: 'slow', ms: 4_000 });
    const requestId = nextId('rent-stop');
    const pending = fire('rent', rentData(requestId));
    const rentalId = await waitFor(() => rentalIdOf(requestId), 'the rent to be stored');
    await waitFor(() => sandbox.count('getNumber') === before + 1, 'getNumber to reach the panel');
    expect((await find(rentalId))?.state).toBe('renting');
    await ext.stopWorker();
    expect(await pending).toHaveProperty('lost');
    await wakeWorker();
    const rental = await waitFor(
      async () => ((await find(rentalId))?.state === 'unknown' ? find(rentalId) : null),
      'the cut-off rent to show as unknown',
    );
    expect(rental!.error).toMatchObject({ mayHaveCharged: true });
    expect(rental!.error!.message.length).toBeGreaterThan(15);
    // Sending the same click again, and a few poll rounds, rent nothing more.
    await ext.send('rent', rentData(requestId));
    await new Promise((r) => setTimeout(r, 5_000));
    expect(sandbox.count('getNumber')).toBe(before + 1);
    await ext.send('finishRental', { rentalId });
  });

  it('the worker stopped in the middle of a poll: polling resumes and the code arrives', async () => {
    const rental = await rentWaiting();
    const slowPolls = () =>
      sandbox.requests.filter((r) => r.endpoint === 'getMessage' && r.fault === 'slow').length;
    const before = slowPolls();
    sandbox.injectFault('getMessage', { type: 'slow', ms: 4_000 });
    await waitFor(() => slowPolls() > before, 'a getMessage to hang', 10_000);
    await ext.stopWorker();
    sandbox.deliverCode(rental.numberId!, '271828');
    await wakeWorker();
    const got = await waitFor(
      async () => (await find(rental.id))?.codes[0]?.code,
      'the code after the restart',
      15_000,
    );
    expect(got).toBe('271828');
    expect((await find(rental.id))?.state).toBe('received');
    await ext.send('finishRental', { rentalId: rental.id });
  });

  it('the worker stopped in the middle of a cancel: the number is not lost, the cancel is not re-sent, it ends cancelled', async () => {
    const rental = await rentWaiting();
    const before = sandbox.count('cancelNumber');
    sandbox.injectFault('cancelNumber', { type: 'slow', ms: 4_000 });
    const pending = fire('cancelRental', { rentalId: rental.id });
    await waitFor(async () => (await find(rental.id))?.state === 'cancelling', 'the cancel to be stored');
    await waitFor(() => sandbox.count('cancelNumber') === before + 1, 'cancelNumber to reach the panel');
    await ext.stopWorker();
    expect(await pending).toHaveProperty('lost');
    await wakeWorker();
    await waitFor(
      async () => (await find(rental.id))?.state === 'cancelled',
      'the rental to end cancelled',
      15_000,
    );
    expect(sandbox.count('cancelNumber')).toBe(before + 1);
    expect(sandbox.numbers().find((n) => n.id === rental.numberId)).toMatchObject({
      status: 'cancelled',
      refunded: true,
    });
  });

  it('a popup closed in the middle of a rent: the rental completes in storage, rented once', async () => {
    await ext.send('getServices', { categoryId: 4 });
    const before = sandbox.count('getNumber');
    const known = new Set((await active()).map((r) => r.id));
    sandbox.injectFault('getNumber', { type: 'slow', ms: 2_500 });
    const popup = await PopupPage.open(ext);
    await popup.openCategory(SERVICE.category);
    await popup.rentButton(SERVICE.name).click();
    await waitFor(
      async () => (await active()).some((r) => !known.has(r.id) && r.state === 'renting'),
      'the rent to start',
    );
    await popup.page.close();
    const rental = await waitFor(
      async () => (await active()).find((r) => !known.has(r.id) && r.state === 'waiting' && r.number),
      'the rental to complete after the popup closed',
      10_000,
    );
    expect(sandbox.count('getNumber')).toBe(before + 1);
    await ext.send('cancelRental', { rentalId: rental.id });
  });

  it('the popup shows a sentence, not a blank or a spinner, when the balance, the catalogue or a rent fails', async () => {
    const unknownBefore = new Set((await active()).filter((r) => r.state === 'unknown').map((r) => r.id));
    // No cached catalogue and the category list in view, so it has only the error to show.
    await page.evaluate(() => chrome.storage.local.remove(['numbersCatalog', 'popupDraft']));
    inject(['getBalance', 'balance'], { type: 'http500' }, 10);
    inject(['getCategories'], { type: 'malformed' }, 10);
    const popupPage = await PopupPage.open(ext);
    const popup = popupPage.page;
    const balanceAlert = popup.locator('header [role="alert"]');
    await balanceAlert.waitFor({ timeout: 10_000 });
    expect((await balanceAlert.textContent())!.trim().length).toBeGreaterThan(20);
    const categoriesAlert = popup.locator('section[aria-labelledby="rent-title"] [role="alert"]');
    await categoriesAlert.waitFor({ timeout: 10_000 });
    expect((await categoriesAlert.textContent())!.trim().length).toBeGreaterThan(20);
    expect(await popup.locator('[aria-busy="true"]').count()).toBe(0);
    sandbox.clearFaults();
    await categoriesAlert.getByRole('button').click();
    await popupPage.openCategory(SERVICE.category);

    sandbox.injectFault('getNumber', { type: 'http502' });
    const rentButton = popupPage.rentButton(SERVICE.name);
    await rentButton.click();
    const card = popup.getByTestId('rental').filter({ has: popup.locator('[role="alert"]') });
    await card.first().waitFor({ timeout: 10_000 });
    expect((await card.first().locator('[role="alert"]').textContent())!.trim().length).toBeGreaterThan(20);
    await waitFor(
      async () => (await rentButton.getAttribute('aria-busy')) !== 'true',
      'the rent button to settle',
    );
    const unknown = (await active()).filter((r) => r.state === 'unknown' && !unknownBefore.has(r.id));
    expect(unknown).toHaveLength(1);
    await ext.send('finishRental', { rentalId: unknown[0]!.id });
    await popup.close();
  });

  it('a browser restart with numbers waiting: they are still there and their codes arrive', async () => {
    const waiting = [await rentWaiting(), await rentWaiting(OTHER_SERVICE_ID)];
    const profileDir = ext.profileDir;
    await ext.context.close();
    await openExtension(profileDir);
    const list = await active();
    for (const r of waiting) expect(list.find((x) => x.id === r.id)?.state).toBe('waiting');
    for (const r of waiting) sandbox.deliverCode(r.numberId!);
    await waitFor(
      async () => {
        const now = await active();
        return waiting.every((w) => now.find((r) => r.id === w.id)?.codes.length);
      },
      'both codes after the restart',
      40_000,
      250,
    );
  });
});

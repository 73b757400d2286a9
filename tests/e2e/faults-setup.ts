// Shared by the fault suites (faults-*.test.ts): the faults the sandbox injects, the errors a person
// must get for them, and one browser with the extension set up against a sandbox panel.
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startSandbox, type Endpoint, type Fault, type Sandbox } from '../sandbox/server';
import { launchExtension, waitFor, type ExtensionHarness, type SendResult } from './harness';

/** A rental as the background stores it (the fields these suites read). */
export interface StoredRental {
  id: string;
  state: string;
  number: string | null;
  numberId: number | null;
  codes: { code: string }[];
  failures: number;
  cancel: { refunded: boolean; message: string } | null;
  error: { kind: string; mayHaveCharged: boolean } | null;
}

/** A fault the sandbox can inject, the error kind the person must get, and whether money may be gone. */
export interface FaultCase {
  name: string;
  fault: Fault;
  kind: string;
  /** After this failure a getNumber may have been charged (so it is never retried). */
  ambiguous: boolean;
}

export const CASES: FaultCase[] = [
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

/** Panel error texts for a call that reads… */
export const READ_TEXTS = panelTexts('bad_key', [
  'Invalid API key',
  'Geçersiz API anahtarı',
  'api.error.invalid_key',
]);
/** …and for one that spends. */
export const SPEND_TEXTS = panelTexts('insufficient_funds', [
  'Not enough funds on balance',
  'Bakiyeniz yetersiz',
  'neworder.error.not_enough_funds',
]);

export const SERVICE = { id: 41, name: 'Telegram Endonezya', category: 'Telegram' };
export const OTHER_SERVICE_ID = 42;

/** The data of a rent message. */
export const rentData = (requestId: string, serviceId = SERVICE.id) => ({
  serviceId,
  serviceName: SERVICE.name,
  categoryName: SERVICE.category,
  price: 0.1,
  requestId,
});

/** A slow answer that outlasts the client's 12 s timeout (utils/api/http.ts DEFAULT_TIMEOUT_MS). */
export const PAST_TIMEOUT: Fault = { type: 'slow', ms: 13_000 };

/** One browser with the extension against one sandbox whose codes come only when a test delivers them. */
export class FaultRig {
  ext!: ExtensionHarness;
  /** An extension page of the rig's own, for direct storage edits. */
  page!: Page;
  private seq = 0;

  private constructor(readonly sandbox: Sandbox) {}

  /** Starts the sandbox and the browser, saves key and origin, polls every second, warms the caches. */
  static async open(): Promise<FaultRig> {
    const rig = new FaultRig(await startSandbox({ codeDelayMs: Number.POSITIVE_INFINITY }));
    await rig.launch();
    await rig.ext.configure({ origin: rig.sandbox.url, key: rig.sandbox.key });
    // Poll every second, so a poller that backs off after faults recovers within the test's time.
    expect(await rig.ext.send('saveSettings', { patch: { pollIntervalSec: 1 } })).toEqual({
      res: { ok: true },
    });
    expect(await rig.ext.send('getBalance')).toEqual({ res: { ok: true } });
    expect(await rig.ext.send('getCategories')).toEqual({ res: { ok: true } });
    expect(await rig.ext.send('getServices', { categoryId: 4 })).toEqual({ res: { ok: true } });
    return rig;
  }

  private async launch(profileDir?: string) {
    this.ext = await launchExtension(profileDir ? { profileDir, keepProfile: true } : { keepProfile: true });
    this.page = await this.ext.openPage('offscreen.html');
  }

  /** Closes the browser and opens it again on the same profile (a browser restart). */
  async restart(): Promise<void> {
    const profileDir = this.ext.profileDir;
    await this.ext.context.close();
    await this.launch(profileDir);
  }

  async close(): Promise<void> {
    await this.ext?.close();
    await this.sandbox.close();
    if (this.ext) await rm(this.ext.profileDir, { recursive: true, force: true });
  }

  nextId(what: string): string {
    return `${what}-${++this.seq}`;
  }
  async active(): Promise<StoredRental[]> {
    return (await this.ext.storage<StoredRental[]>('rentals')) ?? [];
  }
  async history(): Promise<StoredRental[]> {
    return (await this.ext.storage<StoredRental[]>('rentalHistory')) ?? [];
  }
  /** A rental by id, live or finished. */
  async find(id: string): Promise<StoredRental | undefined> {
    return (await this.active()).find((r) => r.id === id) ?? (await this.history()).find((r) => r.id === id);
  }
  /** The rental a rent request made, from the stored requestId → rentalId map. */
  async rentalIdOf(requestId: string): Promise<string | undefined> {
    return (await this.ext.storage<Record<string, string>>('rentRequests'))?.[requestId];
  }
  /** Waits until the rental is stored in that state; answers it. */
  async until(id: string, state: string, what: string, timeoutMs = 15_000): Promise<StoredRental> {
    return waitFor(
      async () => {
        const r = await this.find(id);
        return r?.state === state ? r : null;
      },
      what,
      timeoutMs,
    ).then((r) => r!);
  }

  /** The client threw a panel error of that kind, and no key is anywhere in it. */
  expectError(reply: SendResult, kind: string, what: string): void {
    expect(reply.res, what).toBeUndefined();
    expect(reply.err, what).toMatchObject({ name: 'PanelError', kind });
    expect(JSON.stringify(reply), what).not.toContain(this.sandbox.key);
  }

  /** Rents a number that waits for its code; answers the stored rental. */
  async rentWaiting(serviceId = SERVICE.id): Promise<StoredRental> {
    const reply = await this.ext.send('rent', rentData(this.nextId('rent'), serviceId));
    expect(reply.err).toBeUndefined();
    const { rentalId } = reply.res as { rentalId: string };
    return this.until(rentalId, 'waiting', 'the rented number to wait for its code');
  }

  /** Any message wakes a stopped worker; its start recovers cut-off work and resumes polling. */
  wakeWorker(): Promise<SendResult> {
    return this.ext.send('markSeen', { rentalId: 'none' });
  }

  inject(endpoints: Endpoint[], fault: Fault, times: number): void {
    for (const e of endpoints) this.sandbox.injectFault(e, fault, times);
  }

  /** getMessage requests the sandbox logged for a number. */
  polls(numberId: number): number {
    return this.sandbox.requests.filter(
      (r) => r.endpoint === 'getMessage' && r.params.number_id === String(numberId),
    ).length;
  }
}

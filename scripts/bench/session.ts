import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from '../../tests/e2e/harness';
import { startSandbox, type Sandbox } from '../../tests/sandbox/server';

/** A cheap service with a deep stock: every bench rental rents it. */
export const BENCH_SERVICE_ID = 41;

/** The browser with the e2e build, the sandbox panel it is configured for, and a page to write storage from. */
export interface BenchSession {
  ext: ExtensionHarness;
  sandbox: Sandbox;
  /** Writes chrome.storage.local keys from an extension page (never wakes the worker). */
  setStorage(values: Record<string, unknown>): Promise<void>;
  /** Rents a bench number through the message protocol; answers the rental. */
  rent(requestId: string): Promise<BenchRental>;
  close(): Promise<void>;
}

/** The fields of a stored rental the bench reads. */
export interface BenchRental {
  id: string;
  state: string;
  numberId: number | null;
  codes: { code: string; seen: boolean }[];
}

/** Starts the sandbox (codes arrive only when the bench delivers them) and Chromium with the e2e build. */
export async function startBenchSession(): Promise<BenchSession> {
  const sandbox = await startSandbox({ codeDelayMs: Number.POSITIVE_INFINITY });
  const ext = await launchExtension();
  await ext.configure({ origin: sandbox.url, key: sandbox.key });
  let writer: Page | null = null;
  return {
    ext,
    sandbox,
    async setStorage(values) {
      if (!writer || writer.isClosed()) writer = await ext.openPage('offscreen.html');
      await writer.evaluate((v) => chrome.storage.local.set(v), values);
    },
    async rent(requestId) {
      const reply = await ext.send('rent', {
        serviceId: BENCH_SERVICE_ID,
        serviceName: 'Bench service',
        categoryName: 'Bench',
        price: 0.1,
        requestId,
      });
      if (!reply.res) throw new Error(`rent failed: ${reply.err?.message ?? 'no answer'}`);
      // The answer names the rental; the rental itself is read from storage, as the popup does.
      const { rentalId } = reply.res as { rentalId: string };
      const rental = (await rentals(ext)).find((r) => r.id === rentalId);
      if (!rental) throw new Error('rent answered, but the rental is not in storage');
      return rental;
    },
    async close() {
      await ext.close().catch(() => undefined);
      await sandbox.close();
    },
  };
}

/** The stored live rentals. */
export async function rentals(ext: ExtensionHarness): Promise<BenchRental[]> {
  return (await ext.storage<BenchRental[]>('rentals')) ?? [];
}

/** True for a badge colour that reads as green (the unseen-code colour), not the neutral grey. */
export function isGreen(color: readonly number[]): boolean {
  const [r = 0, g = 0, b = 0] = color;
  return g > r + 40 && g > b + 40;
}

// @vitest-environment node
// Its own file, so no poll loop of another test's worker (module state) can do this worker's job.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background/index';
import { createNumbersApi } from '../../../utils/api/numbers';
import { DEFAULT_SETTINGS } from '../../../utils/settings';
import { apiKeyItem, panelOriginItem, rentalsItem, settingsItem } from '../../../utils/storage';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { serveCatalogsToFetch } from './catalog-fetch';
import { patchFakeBrowser } from './fake-events';
import { storedRental } from './rental';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ codeDelayMs: 60_000 });
});
afterAll(() => sandbox.close());

// The one path that resumes polling is the worker's start; the watchdog alarm only wakes the
// worker (proven end to end in tests/e2e/background.test.ts, where Chrome really stops it).
it("a worker's start resumes polling for a number that waits (the path the watchdog alarm wakes)", async () => {
  fakeBrowser.reset();
  serveCatalogsToFetch();
  patchFakeBrowser();
  await apiKeyItem.setValue(sandbox.key);
  await panelOriginItem.setValue(sandbox.url);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, pollIntervalSec: 1 });
  // A number rented by an earlier worker: the rentals item is all the new worker has.
  const api = createNumbersApi({ origin: sandbox.url, getKey: async () => sandbox.key });
  const [category] = await api.getCategories();
  const services = await api.getServices(category!.id);
  const details = await Promise.all(services.map(async (x) => (await api.getServiceDetails(x.id))[0]));
  const serviceId = services[details.findIndex((d) => (d?.stock ?? 0) > 0)]!.id;
  const { numberId, number } = await api.getNumber(serviceId);
  const now = Date.now();
  await rentalsItem.setValue([
    storedRental({ id: 'w1', serviceId, numberId, number, rentedAt: now, expiresAt: now + 600_000 }),
  ]);
  sandbox.deliverCode(numberId, '012345');

  background.main();
  await expect
    .poll(async () => (await rentalsItem.getValue())[0]?.codes[0]?.code, { timeout: 5000 })
    .toBe('012345');
});

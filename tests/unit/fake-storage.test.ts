import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeItem } from '../fakes/storage';

// Runs in order: the second test proves the setup file's reset, not a fresh item.
describe('fakeItem over the fake browser', () => {
  const item = fakeItem<string[]>('fakeStorageProbe', []);

  it('stores values in the fake browser storage', async () => {
    await item.setValue(['kept']);
    expect(await item.getValue()).toEqual(['kept']);
    expect(await fakeBrowser.storage.local.get('fakeStorageProbe')).toEqual({ fakeStorageProbe: ['kept'] });
  });

  it('starts every test with empty storage (the fallback again)', async () => {
    expect(await item.getValue()).toEqual([]);
  });
});

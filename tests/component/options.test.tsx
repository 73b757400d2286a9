import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../entrypoints/options/App';
import { PanelError } from '../../utils/api/errors';
import type { Lang } from '../../utils/i18n';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../../utils/settings';
import type { BalanceCache } from '../../utils/storage';
import { createOptionsStore, type OptionsDeps } from '../../utils/stores/options';
import { fakeItem } from '../fakes/storage';
import { ACK, catalogs, callsOf, fakeSend, flush, resetBrowser, type Handlers } from './fakes';

beforeEach(resetBrowser);
afterEach(cleanup);

/** The options page's storage items over the fake browser: the page reads them, the fake background writes them. */
const stored = {
  keyHint: fakeItem('keyHint', ''),
  origin: fakeItem('panelOrigin', 'https://smmonayim.com'),
  settings: fakeItem<Settings>('settings', DEFAULT_SETTINGS),
  balance: fakeItem<BalanceCache>('balance', { numbers: null, orders: null, at: 0 }),
  favorites: fakeItem<number[]>('favoriteServices', []),
};

/** The fake background's saveSettings: the patch merged and clamped into the stored settings. */
const saveSettings = async ({ patch }: { patch: Partial<Settings> }) => {
  await stored.settings.setValue(sanitizeSettings({ ...(await stored.settings.getValue()), ...patch }));
  return ACK;
};

async function renderOptions(
  world: { keyHint?: string; origin?: string; settings?: Partial<Settings> } = {},
  handlers: Handlers = {},
  over: Partial<OptionsDeps> = {},
) {
  await Promise.all([
    stored.keyHint.setValue(world.keyHint ?? '••••c9f'),
    stored.origin.setValue(world.origin ?? 'https://smmonayim.com'),
    stored.settings.setValue({ ...DEFAULT_SETTINGS, ...world.settings }),
    stored.favorites.setValue([4, 5]),
  ]);
  const items = stored;
  const saveFavorites = async ({ ids }: { ids: number[] }) => {
    await stored.favorites.setValue(ids);
    return ACK;
  };
  handlers = { saveSettings, saveFavorites, ...handlers };
  const send = fakeSend(handlers);
  const log: string[] = [];
  const permissions = {
    request: vi.fn(async (origin: string) => {
      log.push(`request ${origin}`);
      return true;
    }),
    remove: vi.fn(async (origin: string) => {
      log.push(`remove ${origin}`);
      return true;
    }),
  };
  send.mockImplementation(async (type: string, data: unknown) => {
    log.push(`send ${type}`);
    const handler = (handlers as Record<string, (d: unknown) => unknown>)[type];
    return handler ? handler(data) : new Promise(() => undefined);
  });
  const store = createOptionsStore({
    send: send as unknown as OptionsDeps['send'],
    items,
    permissions,
    uiLanguage: 'en',
    loadCatalog: async (lang: Lang) => catalogs[lang],
    now: () => 0,
    ...over,
  });
  render(<App store={store} />);
  await store.start();
  await flush();
  return { store, items, send, permissions, log };
}

describe('options page', () => {
  it('shows a skeleton until settings are read', () => {
    const store = createOptionsStore({
      send: vi.fn() as unknown as OptionsDeps['send'],
      items: stored,
      permissions: { request: vi.fn(), remove: vi.fn() },
      uiLanguage: 'en',
      loadCatalog: async () => catalogs.en,
      now: () => 0,
    });
    render(<App store={store} />);
    expect(document.querySelector('.skeleton')).not.toBeNull();
  });

  it('shows the saved settings and the key hint, never the key', async () => {
    await renderOptions({ settings: { pollIntervalSec: 4, numberWindowMin: 15, autoCancel: false } });
    expect((screen.getByLabelText(/Check for the SMS every/) as HTMLInputElement).value).toBe('4');
    expect((screen.getByLabelText(/Number window/) as HTMLInputElement).value).toBe('15');
    expect((screen.getByLabelText(/Cancel a number with no code/) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByTestId('key-status').textContent).toContain('••••c9f');
    expect((screen.getByLabelText('API key') as HTMLInputElement).value).toBe('');
  });

  it('saves a changed setting, clamped to its range', async () => {
    const { items } = await renderOptions();
    fireEvent.change(screen.getByLabelText(/Check for the SMS every/), { target: { value: '0' } });
    await flush();
    expect((await items.settings.getValue()).pollIntervalSec).toBe(1);
    fireEvent.click(screen.getByLabelText(/Show a notification/));
    await flush();
    expect((await items.settings.getValue()).notifications).toBe(false);
    expect(screen.getByTestId('settings-note').textContent).toBe('Saved.');
  });

  it('tests and saves the key; a wrong key gets the sentence', async () => {
    const { send } = await renderOptions(
      {},
      {
        testKey: () => Promise.reject(new PanelError({ kind: 'bad_key', endpoint: 'getBalance' })),
        saveKey: async () => {
          await stored.balance.setValue({ numbers: { amount: 7, currency: 'USD' }, orders: null, at: 1 });
          return ACK;
        },
      },
    );
    fireEvent.input(screen.getByLabelText('API key'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect((await screen.findByTestId('key-error')).textContent).toBe(
      'The API key was not accepted by the panel.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
    expect((await screen.findByTestId('key-ok')).textContent).toBe('Key saved. Balance: $7.00');
    expect(callsOf(send, 'saveKey')).toEqual([{ key: 'abc', origin: 'https://smmonayim.com' }]);
  });

  it('removes the key', async () => {
    const { send } = await renderOptions({}, { clearKey: async () => ACK });
    fireEvent.click(screen.getByRole('button', { name: 'Remove the key' }));
    expect(await screen.findByText('The key was removed from this browser.')).toBeTruthy();
    expect(callsOf(send, 'clearKey')).toHaveLength(1);
  });

  it('another panel origin: permission is requested before setOrigin', async () => {
    const { log } = await renderOptions(
      {},
      {
        setOrigin: async ({ origin }) => {
          await stored.origin.setValue(origin);
          return ACK;
        },
      },
    );
    const field = screen.getAllByLabelText('Panel address')[0]!;
    fireEvent.input(field, { target: { value: 'panel.example.org' } });
    fireEvent.submit(field.closest('form')!);
    expect((await screen.findByTestId('origin-note')).textContent).toBe(
      'The panel address is now https://panel.example.org. The saved key was for https://smmonayim.com and is never sent to another address: paste the key for https://panel.example.org.',
    );
    expect(log).toEqual(['request https://panel.example.org', 'send setOrigin']);
  });

  it('with the key forgotten, the key status asks for the key of the new address', async () => {
    await renderOptions({ keyHint: '', origin: 'https://panel.example.org' });
    expect(screen.getByTestId('key-status').textContent).toBe(
      'No API key is saved for https://panel.example.org. Paste the key of your account on this panel.',
    );
  });

  it('a plain-http address away from this machine is refused with a sentence; nothing is sent', async () => {
    const { send, log } = await renderOptions();
    const field = screen.getAllByLabelText('Panel address')[0]!;
    fireEvent.input(field, { target: { value: 'http://panel.example.org' } });
    fireEvent.submit(field.closest('form')!);
    expect((await screen.findByTestId('origin-note')).textContent).toContain(
      'http://panel.example.org is not a secure address',
    );
    expect(callsOf(send, 'setOrigin')).toHaveLength(0);
    expect(log.filter((l) => l.startsWith('request'))).toEqual([]);
  });

  it('a refused permission leaves the origin alone and says why', async () => {
    const { send } = await renderOptions(
      {},
      {},
      { permissions: { request: vi.fn(async () => false), remove: vi.fn(async () => true) } },
    );
    const field = screen.getAllByLabelText('Panel address')[0]!;
    fireEvent.input(field, { target: { value: 'https://panel.example.org' } });
    fireEvent.submit(field.closest('form')!);
    expect((await screen.findByTestId('origin-note')).textContent).toContain('was not allowed');
    expect(callsOf(send, 'setOrigin')).toHaveLength(0);
  });

  it('adds an automatic-fill site after its permission, and revokes it', async () => {
    const { log } = await renderOptions(
      {},
      {
        setAutofillSite: async ({ origin, enabled }) => {
          const settings = await stored.settings.getValue();
          await stored.settings.setValue({ ...settings, autofillSites: enabled ? [origin] : [] });
          return ACK;
        },
      },
    );
    expect(screen.getByText(/No site yet/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Add a site'), { target: { value: 'shop.example/login' } });
    fireEvent.click(screen.getByRole('button', { name: 'Allow' }));
    expect((await screen.findByTestId('autofill-note')).textContent).toBe(
      'Automatic fill is on for https://shop.example.',
    );
    expect(screen.getByText('https://shop.example')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Revoke automatic fill for https://shop.example' }));
    await waitFor(() => expect(screen.getByText(/No site yet/)).toBeTruthy());
    await waitFor(() =>
      expect(log).toEqual([
        'request https://shop.example',
        'send setAutofillSite',
        'send setAutofillSite',
        'remove https://shop.example',
      ]),
    );
  });

  it('switches the page language from the setting', async () => {
    const { items } = await renderOptions();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'tr' } });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Ayarlar' })).toBeTruthy());
    expect((await items.settings.getValue()).language).toBe('tr');
  });

  it('exports without the key; a file with another address and a key shows both and applies nothing before Import', async () => {
    const { store, items, send, log } = await renderOptions(
      { settings: { lowBalance: 3 } },
      {
        saveKey: async ({ key, origin }) => {
          await stored.origin.setValue(origin!);
          await stored.keyHint.setValue('••••' + key.slice(-3));
          return ACK;
        },
      },
    );
    const json = await store.exportFile();
    expect(JSON.parse(json)).toMatchObject({ settings: { lowBalance: 3 }, favoriteServices: [4, 5] });
    expect(json).not.toContain('c9f');
    const file = JSON.parse(json);
    file.settings.lowBalance = 9;
    file.panelOrigin = 'https://other.example';
    file.apiKey = 'secret-xyz';
    log.length = 0;
    await store.importFile(JSON.stringify(file));
    await flush();
    const box = await screen.findByTestId('import-confirm');
    expect(box.textContent).toContain('Panel address: https://smmonayim.com → https://other.example');
    expect(box.textContent).toContain('The saved API key will be replaced by the key in the file.');
    expect(log).toEqual([]); // nothing saved, nothing sent, no permission asked
    expect((await items.settings.getValue()).lowBalance).toBe(3);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByTestId('file-note').textContent).toContain('works and was saved'));
    expect(log.slice(0, 2)).toEqual(['request https://other.example', 'send saveKey']);
    expect(callsOf(send, 'saveKey')).toEqual([{ key: 'secret-xyz', origin: 'https://other.example' }]);
    expect((await items.settings.getValue()).lowBalance).toBe(9);
    expect(await items.origin.getValue()).toBe('https://other.example');
    expect(screen.queryByTestId('import-confirm')).toBeNull();
  });

  it('a file with another address and no key says the saved key will be forgotten; Cancel applies nothing', async () => {
    const { store, items, log } = await renderOptions({ settings: { lowBalance: 3 } });
    const file = JSON.parse(await store.exportFile());
    file.panelOrigin = 'https://other.example';
    file.settings.lowBalance = 9;
    log.length = 0;
    await store.importFile(JSON.stringify(file));
    const box = await screen.findByTestId('import-confirm');
    expect(box.textContent).toContain('https://smmonayim.com → https://other.example');
    expect(box.textContent).toContain('will be forgotten');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('file-note').textContent).toBe('Nothing was imported.'));
    expect(log).toEqual([]);
    expect((await items.settings.getValue()).lowBalance).toBe(3);
    expect(await items.origin.getValue()).toBe('https://smmonayim.com');
  });

  it('exports the key only when asked, and imports a key only after the panel accepted it', async () => {
    const { store, send } = await renderOptions(
      {},
      {
        exportKey: async () => ({ key: 'demo-key-7f3a9c' }),
        saveKey: async ({ key }) => {
          if (key !== 'good-key') throw new PanelError({ kind: 'bad_key', endpoint: 'getBalance' });
          await stored.balance.setValue({ numbers: { amount: 12, currency: null }, orders: null, at: 1 });
          return ACK;
        },
      },
    );
    expect(await store.exportFile()).not.toContain('demo-key-7f3a9c');
    expect(callsOf(send, 'exportKey')).toHaveLength(0);
    const withKey = JSON.parse(await store.exportFile(true));
    expect(withKey.apiKey).toBe('demo-key-7f3a9c');
    expect(screen.getByTestId('file-note').textContent).toContain('Keep the file private');

    await store.importFile(JSON.stringify({ ...withKey, apiKey: 'wrong-key' }));
    expect(store.pendingImport.value?.replacesKey).toBe(true);
    await store.confirmImport();
    await flush();
    expect(screen.getByTestId('file-note').textContent).toContain('was not saved');
    await store.importFile(JSON.stringify({ ...withKey, apiKey: 'good-key' }));
    await store.confirmImport();
    await flush();
    expect(screen.getByTestId('file-note').textContent).toContain('works and was saved');
    expect(callsOf(send, 'saveKey').map((c) => c.key)).toEqual(['wrong-key', 'good-key']);
  });

  it('a file that is not a settings file is refused with a sentence', async () => {
    const { store, items } = await renderOptions();
    await store.importFile('{"hello": 1}');
    await flush();
    expect(screen.getByTestId('file-note').textContent).toBe(
      'That file is not a settings file of this extension.',
    );
    expect(await items.settings.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('clears the history after a confirmation', async () => {
    const { send } = await renderOptions({}, { clearHistory: async () => ACK });
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect(await screen.findByText('History cleared.')).toBeTruthy();
    expect(callsOf(send, 'clearHistory')).toHaveLength(1);
  });
});

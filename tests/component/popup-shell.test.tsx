import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelError } from '../../utils/api/errors';
import { ACK, cachedCatalog, callsOf, makePopup, rental, resetBrowser, stored } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

const cached = { numbers: { amount: 3.5, currency: null }, orders: { amount: 3.5, currency: 'USD' }, at: 1 };

describe('header: balance', () => {
  it('paints the cached balance before the panel answers, then the fresh one', async () => {
    let answer!: () => void;
    const { send } = await renderPopup(
      { balance: cached },
      { getBalance: () => new Promise((r) => (answer = () => r(ACK))) },
    );
    expect(screen.getByTestId('balance-amount').textContent).toBe('$3.50');
    expect(callsOf(send, 'getBalance')).toHaveLength(1);
    // The background keeps the orders balance it could not read.
    await stored.balance.setValue({ ...cached, numbers: { amount: 12, currency: null }, at: 2 });
    answer();
    await waitFor(() => expect(screen.getByTestId('balance-amount').textContent).toBe('$12.00'));
  });

  it('warns when the balance is below the threshold', async () => {
    await renderPopup({ balance: cached, settings: { lowBalance: 5 } });
    expect(screen.getByTestId('low-balance').textContent).toContain('below $5.00');
  });

  it('no warning above the threshold', async () => {
    await renderPopup({ balance: cached, settings: { lowBalance: 1 } });
    expect(screen.queryByTestId('low-balance')).toBeNull();
  });

  it('a failed refresh says so with a retry, keeping the cached amount', async () => {
    let calls = 0;
    await renderPopup(
      { balance: cached },
      {
        getBalance: async () => {
          if (++calls === 1) throw new PanelError({ kind: 'bad_key', endpoint: 'getBalance' });
          await stored.balance.setValue({ ...cached, numbers: { amount: 9, currency: null }, at: 2 });
          return ACK;
        },
      },
    );
    const banner = await screen.findByText(/The balance could not be refreshed/);
    expect(banner.textContent).toContain('The API key was not accepted by the panel.');
    expect(screen.getByTestId('balance-amount').textContent).toBe('$3.50');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByTestId('balance-amount').textContent).toBe('$9.00'));
  });

  it('the settings button opens the options page', async () => {
    const { onOpenOptions } = await renderPopup();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(onOpenOptions).toHaveBeenCalled();
  });
});

describe('tabs', () => {
  it('the Orders tab shows the orders balance (its content is the orders feature’s)', async () => {
    await renderPopup({ balance: cached });
    fireEvent.click(screen.getByRole('tab', { name: 'Orders' }));
    expect(screen.getByRole('tab', { name: 'Orders' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('orders-balance').textContent).toBe('Orders balance: $3.50');
    expect(screen.queryByRole('heading', { name: 'Rent a number' })).toBeNull();
  });

  it('arrow keys also move between tabs', async () => {
    await renderPopup();
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Numbers' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Orders' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('language', () => {
  it('speaks Turkish when the browser does, with Turkish money format', async () => {
    await renderPopup(
      {
        balance: { numbers: { amount: 1234.5, currency: 'TRY' }, orders: null, at: 1 },
        catalog: cachedCatalog(),
      },
      {},
      { uiLanguage: 'tr-TR' },
    );
    expect(screen.getByRole('tab', { name: 'Numaralar' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Numara kirala' })).toBeTruthy();
    expect(screen.getByTestId('balance-amount').textContent).toBe('₺1.234,50');
    expect(document.documentElement.lang).toBe('tr');
  });

  it('the language setting wins over the browser and switches live', async () => {
    const { items } = await renderPopup({ settings: { language: 'en' } }, {}, { uiLanguage: 'tr' });
    expect(screen.getByRole('tab', { name: 'Numbers' })).toBeTruthy();
    await items.settings.setValue({ ...(await items.settings.getValue()), language: 'tr' });
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Numaralar' })).toBeTruthy());
  });
});

describe('nothing typed is lost', () => {
  it('the search, category and sort are saved (debounced) and come back on reopen', async () => {
    const first = await renderPopup({ catalog: cachedCatalog() });
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'tur' } });
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'name' } });
    expect((await first.items.draft.getValue()).search).toBe(''); // not yet: debounced
    await waitFor(async () =>
      expect(await first.items.draft.getValue()).toMatchObject({
        categoryId: 1,
        search: 'tur',
        sort: 'name',
      }),
    );
    const saved = await first.items.draft.getValue();
    cleanup();
    await first.store.dispose();
    resetBrowser();

    const again = await makePopup({ catalog: cachedCatalog(), draft: saved });
    await again.store.start();
    expect(again.store.draft.value).toMatchObject({ categoryId: 1, search: 'tur', sort: 'name' });
  });

  it('keeps draft fields another writer owns (the orders form)', async () => {
    const { store, items } = await renderPopup({ draft: { order: { link: 'https://x.test/p' } } });
    store.setSearch('abc');
    await store.flushDraft();
    expect((await items.draft.getValue()).order).toEqual({ link: 'https://x.test/p' });
    expect((await items.draft.getValue()).search).toBe('abc');
  });

  it('dispose saves at once and stops watching storage', async () => {
    const { store, items } = await renderPopup();
    // The fake browser's events count their listeners; its types leave that out.
    const onChanged = fakeBrowser.storage.local.onChanged as unknown as { hasListeners(): boolean };
    const storageListeners = () => onChanged.hasListeners();
    expect(storageListeners()).toBe(true);
    store.setSearch('half typed');
    await store.dispose();
    expect((await items.draft.getValue()).search).toBe('half typed');
    expect(storageListeners()).toBe(false);
    // The fake browser's setValue resolves after every storage listener ran: a watcher would have fired.
    await items.rentals.setValue([rental()]);
    expect(store.rentals.value).toEqual([]);
  });
});

describe('a catalogue cached for another panel is not shown', () => {
  it('ignores it and loads this panel’s', async () => {
    const { send } = await renderPopup({ catalog: { ...cachedCatalog(), origin: 'https://other.example' } });
    expect(screen.queryByRole('button', { name: /WhatsApp/ })).toBeNull();
    expect(callsOf(send, 'getCategories')).toHaveLength(1);
  });
});

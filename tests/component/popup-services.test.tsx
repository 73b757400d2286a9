import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../utils/api/errors';
import { ACK, cachedCatalog, callsOf, flush, rental, resetBrowser, services, stored } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

const names = () =>
  screen.getAllByTestId('service-row').map((row) => row.querySelector('.service-name')!.textContent);
const rowOf = (name: string) =>
  screen.getAllByTestId('service-row').find((r) => r.textContent!.includes(name))!;
const search = (value: string) => fireEvent.input(screen.getByRole('searchbox'), { target: { value } });
const balance = { numbers: { amount: 50, currency: 'USD' }, orders: null, at: 1 };

describe('renting: categories', () => {
  it('shows a skeleton while the first categories load', async () => {
    await renderPopup({}, {}); // getCategories never answers
    expect(document.querySelector('.skeleton')).not.toBeNull();
  });

  it('an error becomes a sentence with a retry that asks again', async () => {
    let calls = 0;
    const { send } = await renderPopup(
      {},
      {
        getCategories: async () => {
          calls++;
          if (calls === 1) throw new PanelError({ kind: 'unavailable', endpoint: 'getCategories' });
          await stored.catalog.setValue({
            ...(await stored.catalog.getValue()),
            categories: [{ id: 5, name: 'Discord' }],
          });
          return ACK;
        },
      },
    );
    expect(await screen.findByText(/not answering properly/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: /Discord/ })).toBeTruthy();
    expect(callsOf(send, 'getCategories')).toHaveLength(2);
  });

  it('an empty catalogue says what to do', async () => {
    await renderPopup({}, { getCategories: async () => ACK });
    expect(await screen.findByText(/lists no number categories yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });

  it('paints cached categories at once and filters them with the search', async () => {
    await renderPopup({ catalog: cachedCatalog() });
    expect(screen.getByRole('button', { name: /WhatsApp/ })).toBeTruthy();
    search('disc');
    expect(screen.queryByRole('button', { name: /WhatsApp/ })).toBeNull();
    expect(screen.getByRole('button', { name: /Discord/ })).toBeTruthy();
  });
});

describe('renting: services', () => {
  const open = async (handlers = {}, world = {}) => {
    const ctx = await renderPopup({ catalog: cachedCatalog(), balance, ...world }, handlers);
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    return ctx;
  };

  it('shows cached services at once, cheapest first, with price and stock', async () => {
    const { send } = await open();
    expect(names()).toEqual([
      'WhatsApp Fransa',
      'WhatsApp Türkiye',
      'WhatsApp İstanbul Özel',
      'WhatsApp Endonezya',
    ]);
    expect(within(rowOf('Türkiye')).getByRole('button', { name: 'Rent · $8.00' })).toBeTruthy();
    expect(rowOf('Türkiye').textContent).toContain('190 in stock');
    expect(callsOf(send, 'getServices')).toEqual([{ categoryId: 1 }]); // refreshed in the background
  });

  it('sorts by name', async () => {
    await open();
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'name' } });
    // Out of stock stays visible, at the end.
    expect(names()).toEqual([
      'WhatsApp Fransa',
      'WhatsApp İstanbul Özel',
      'WhatsApp Türkiye',
      'WhatsApp Endonezya',
    ]);
  });

  it('search is Turkish-aware and diacritic-insensitive', async () => {
    await open();
    search('turkiye');
    expect(names()).toEqual(['WhatsApp Türkiye']);
    search('ISTANBUL');
    expect(names()).toEqual(['WhatsApp İstanbul Özel']);
    search('ozel');
    expect(names()).toEqual(['WhatsApp İstanbul Özel']);
    search('mars');
    expect(screen.getByText(/Nothing matches “mars”/)).toBeTruthy();
  });

  it('out-of-stock services are listed but cannot be rented', async () => {
    await open();
    const button = within(rowOf('Endonezya')).getByRole('button', { name: 'No stock' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(rowOf('Endonezya').textContent).toContain('Out of stock');
  });

  it('a starred service moves to the top and is stored', async () => {
    const { items } = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Add WhatsApp İstanbul Özel to favourites' }));
    await flush();
    expect(names()[0]).toBe('WhatsApp İstanbul Özel');
    expect(screen.getByRole('heading', { name: 'Favourites' })).toBeTruthy();
    expect(await items.favorites.getValue()).toEqual([14]);
    expect(
      screen.getByRole('button', { name: 'Remove WhatsApp İstanbul Özel from favourites' }),
    ).toBeTruthy();
  });

  it('recently used services come after favourites, before the rest', async () => {
    await open({}, { favorites: [13], recents: [14] });
    expect(names()).toEqual([
      'WhatsApp Endonezya',
      'WhatsApp İstanbul Özel',
      'WhatsApp Fransa',
      'WhatsApp Türkiye',
    ]);
    expect(screen.getByRole('heading', { name: 'Recently used' })).toBeTruthy();
  });

  it('a service list that fails to load shows the sentence and a retry', async () => {
    await renderPopup(
      { catalog: { ...cachedCatalog(), services: {} } },
      { getServices: () => Promise.reject(new PanelError({ kind: 'network', endpoint: 'getServices' })) },
    );
    fireEvent.click(screen.getByRole('button', { name: /Google/ }));
    expect(await screen.findByText(/could not be reached/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('renting: the rent button', () => {
  const open = async (handlers = {}) => {
    const ctx = await renderPopup({ catalog: cachedCatalog(), balance }, handlers);
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    return ctx;
  };

  it('rents with the price, a fresh requestId, the site and tab; disabled while in flight', async () => {
    let answer!: () => void;
    const { send, store } = await open({
      rent: () => new Promise((r) => (answer = () => r({ rentalId: 'r1' }))),
    });
    const button = within(rowOf('Türkiye')).getByRole('button', {
      name: 'Rent · $8.00',
    }) as HTMLButtonElement;
    fireEvent.click(button);
    fireEvent.click(button);
    await flush();
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Renting…');
    expect(callsOf(send, 'rent')).toEqual([
      {
        serviceId: 11,
        serviceName: 'WhatsApp Türkiye',
        categoryName: 'WhatsApp',
        price: 8,
        currency: 'USD',
        requestId: 'req-1',
        site: 'https://shop.example',
        tabId: 7,
      },
    ]);
    // The background stores the rental and the recent list, then answers the rental's id.
    await stored.rentals.setValue([rental({ id: 'r1' })]);
    await stored.recents.setValue([11]);
    answer();
    await waitFor(() =>
      expect(screen.getByTestId('live-region').textContent).toBe(
        'Number rented for WhatsApp Türkiye: +905551234567',
      ),
    );
    expect(store.recents.value).toEqual([11]);
    // Rented once, the service now sits under "Recently used", rentable again.
    expect(screen.getByRole('heading', { name: 'Recently used' })).toBeTruthy();
    const again = within(rowOf('Türkiye')).getByRole('button', { name: 'Rent · $8.00' }) as HTMLButtonElement;
    expect(again.disabled).toBe(false);
    fireEvent.click(again);
    await flush();
    expect(callsOf(send, 'rent').map((r) => r.requestId)).toEqual(['req-1', 'req-2']);
  });

  it('a safe failure shows its sentence and a retry (never retried by itself)', async () => {
    const { send } = await open({
      rent: () =>
        Promise.reject(
          new PanelError({ kind: 'out_of_stock', endpoint: 'getNumber', panelText: 'Stok yok' }),
        ),
    });
    fireEvent.click(within(rowOf('Fransa')).getByRole('button', { name: /Rent/ }));
    const alert = await screen.findByText(/WhatsApp Fransa: There are no numbers in stock/);
    expect(alert.textContent).toContain('“Stok yok”');
    await flush();
    expect(callsOf(send, 'rent')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await flush();
    expect(callsOf(send, 'rent')).toHaveLength(2);
  });

  it('a lost answer offers no retry and points to the balance check on the number, not to the person', async () => {
    await open({
      rent: () =>
        Promise.reject(new PanelError({ kind: 'timeout', endpoint: 'getNumber', mayHaveCharged: true })),
    });
    fireEvent.click(within(rowOf('Fransa')).getByRole('button', { name: /Rent/ }));
    expect(await screen.findByText(/answer was lost\. The extension checks your balance/)).toBeTruthy();
    expect(screen.queryByText(/check your balance and history/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('Enter on the focused rent button rents (it is a real button)', async () => {
    const { send } = await open({
      rent: async () => {
        await stored.rentals.setValue([rental({ id: 'r9' })]);
        return { rentalId: 'r9' };
      },
    });
    const button = within(rowOf('Fransa')).getByRole('button', { name: /Rent/ });
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('type')).toBe('button');
    button.focus();
    fireEvent.click(button); // browsers turn Enter/Space on a focused button into a click
    await flush();
    expect(callsOf(send, 'rent')).toHaveLength(1);
  });
});

describe('services unavailable before stock is known', () => {
  it('a service without a price cannot be rented: "coming" while the category loads, then "unknown"', async () => {
    const catalog = cachedCatalog();
    catalog.services['1']!.rows = [{ ...services()[0]!, price: null }];
    let answer = () => undefined as unknown;
    await renderPopup(
      { catalog, balance },
      { getServices: () => new Promise((r) => (answer = () => r(ACK))) },
    );
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    expect((screen.getByRole('button', { name: 'Price coming…' }) as HTMLButtonElement).disabled).toBe(true);
    answer();
    const unknown = await screen.findByRole('button', { name: 'Price unknown' });
    expect((unknown as HTMLButtonElement).disabled).toBe(true);
  });
});

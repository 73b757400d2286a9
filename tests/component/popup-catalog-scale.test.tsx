import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../utils/api/errors';
import type { CatalogService, NumbersCatalog } from '../../utils/storage';
import { ACK, NOW, cachedCatalog, callsOf, rental, resetBrowser, services, stored } from './fakes';
import { renderPopup as render } from './renderPopup';

// A big category at scale: names first, prices as they come, rows that hold still, search everything.

// Each popup is disposed after its test: a draft saved late would open the next test's popup inside a category.
let opened: Awaited<ReturnType<typeof render>> | null = null;
const renderPopup = async (...args: Parameters<typeof render>) => (opened = await render(...args));
beforeEach(resetBrowser);
afterEach(async () => {
  cleanup();
  await opened?.store.dispose();
  opened = null;
});

const balance = { numbers: { amount: 50, currency: 'USD' }, orders: null, at: 1 };
const names = () =>
  screen.getAllByTestId('service-row').map((row) => row.querySelector('.service-name')!.textContent);
const rowOf = (name: string) =>
  screen.getAllByTestId('service-row').find((r) => r.textContent!.includes(name))!;
const search = (value: string) => fireEvent.input(screen.getByRole('searchbox'), { target: { value } });

/** A getServices that answers only when the test says so (the category's load is "running" until then). */
function pendingLoad() {
  let finish: (error?: unknown) => void = () => undefined;
  const getServices = () =>
    new Promise<typeof ACK>((resolve, reject) => (finish = (e) => (e ? reject(e) : resolve(ACK))));
  return { getServices, finish: (error?: unknown) => finish(error) };
}

/** Writes one service's price into the stored catalogue, as the background does when it arrives. */
async function priceArrives(id: number, price: number, stock = 50): Promise<void> {
  const c = await stored.catalog.getValue();
  const rows = c.services['1']!.rows.map((r) => (r.id === id ? { ...r, price, stock, pricedAt: NOW } : r));
  await stored.catalog.setValue({ ...c, services: { ...c.services, '1': { rows, at: NOW } } });
}

describe('a category loading: rows hold still while prices arrive', () => {
  it('keeps the order during the load, sorts when it ends', async () => {
    const load = pendingLoad();
    await renderPopup({ catalog: cachedCatalog(), balance }, { getServices: load.getServices });
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    const before = ['WhatsApp Fransa', 'WhatsApp Türkiye', 'WhatsApp İstanbul Özel', 'WhatsApp Endonezya'];
    expect(names()).toEqual(before);
    await priceArrives(12, 20); // Fransa becomes the dearest
    await waitFor(() => expect(rowOf('Fransa').textContent).toContain('$20.00'));
    expect(names()).toEqual(before);
    load.finish();
    await waitFor(() =>
      expect(names()).toEqual([
        'WhatsApp Türkiye',
        'WhatsApp İstanbul Özel',
        'WhatsApp Fransa',
        'WhatsApp Endonezya',
      ]),
    );
  });

  it('a sort the person picks during the load applies at once', async () => {
    const load = pendingLoad();
    await renderPopup({ catalog: cachedCatalog(), balance }, { getServices: load.getServices });
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    await priceArrives(12, 20);
    await waitFor(() => expect(rowOf('Fransa').textContent).toContain('$20.00'));
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'name' } });
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'price' } });
    expect(names()[2]).toBe('WhatsApp Fransa');
  });
});

describe('names first, prices as they come', () => {
  const namesOnly = (): NumbersCatalog => {
    const catalog = cachedCatalog();
    catalog.services['1']!.rows = services().map((s) => ({ ...s, price: null, stock: null, pricedAt: null }));
    return catalog;
  };

  it('a row without a price waits quietly, the shown rows are asked for first, and it rents once priced', async () => {
    const load = pendingLoad();
    const { send } = await renderPopup(
      { catalog: namesOnly(), balance },
      {
        getServices: load.getServices,
        getPrices: async () => ACK,
        rent: async () => {
          await stored.rentals.setValue([rental({ id: 'r9', serviceId: 12 })]);
          return { rentalId: 'r9' };
        },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    const waiting = within(rowOf('Fransa')).getByRole('button', { name: 'Price coming…' });
    expect((waiting as HTMLButtonElement).disabled).toBe(true);
    expect(rowOf('Fransa').querySelector('.service-stock')!.textContent).toBe('…');
    // Without prices the rows stand by name; the rows shown are asked for in that order.
    expect(names()).toEqual([
      'WhatsApp Endonezya',
      'WhatsApp Fransa',
      'WhatsApp İstanbul Özel',
      'WhatsApp Türkiye',
    ]);
    await waitFor(() => expect(callsOf(send, 'getPrices')).toEqual([{ serviceIds: [13, 12, 14, 11] }]));
    await priceArrives(12, 2);
    const rent = await within(rowOf('Fransa')).findByRole('button', { name: 'Rent · $2.00' });
    fireEvent.click(rent); // while the rest of the category still loads
    await waitFor(() => expect(callsOf(send, 'rent')).toHaveLength(1));
    expect(callsOf(send, 'rent')[0]).toMatchObject({ serviceId: 12, categoryName: 'WhatsApp' });
  });

  it('a cached price older than a few minutes shows its age; a fresh one does not', async () => {
    const catalog = cachedCatalog();
    catalog.services['1']!.rows = services().map((s): CatalogService =>
      s.id === 11 ? { ...s, pricedAt: NOW - 3 * 3_600_000 - 60_000 } : s,
    );
    await renderPopup({ catalog, balance });
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    expect(rowOf('Türkiye').textContent).toContain('190 in stock · 3 h ago');
    expect(rowOf('Fransa').textContent).not.toContain('ago');
  });

  it('a 429 storm says some prices come later, with a retry; priced rows stay rentable', async () => {
    const load = pendingLoad();
    const { send } = await renderPopup(
      { catalog: namesOnly(), balance },
      { getServices: load.getServices, getPrices: async () => ACK },
    );
    fireEvent.click(screen.getByRole('button', { name: /WhatsApp/ }));
    await priceArrives(11, 8);
    load.finish(new PanelError({ kind: 'rate_limited', endpoint: 'getServiceDetails' }));
    expect(
      await screen.findByText('The panel is limiting requests; some prices will come later.'),
    ).toBeTruthy();
    expect(
      (within(rowOf('Türkiye')).getByRole('button', { name: 'Rent · $8.00' }) as HTMLButtonElement).disabled,
    ).toBe(false);
    expect(
      (within(rowOf('Fransa')).getByRole('button', { name: 'Price unknown' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(callsOf(send, 'getServices')).toHaveLength(2));
  });
});

describe('the first screen searches every category', () => {
  const indexed = (): NumbersCatalog => {
    const catalog = cachedCatalog();
    catalog.services['2'] = {
      at: NOW,
      rows: [
        { id: 21, name: 'Endonezya', categoryId: 2, price: null, stock: null, pricedAt: null },
        { id: 22, name: 'Türkiye', categoryId: 2, price: null, stock: null, pricedAt: null },
      ],
    };
    return { ...catalog, indexedAt: NOW };
  };

  it('asks the background for the index when the popup opens', async () => {
    const { send } = await renderPopup({ catalog: indexed(), balance });
    expect(callsOf(send, 'indexServices')).toEqual([{}]);
  });

  it('"whatsapp tür" finds WhatsApp Türkiye from the first screen, Turkish-aware', async () => {
    await renderPopup({ catalog: indexed(), balance });
    search('whatsapp tür');
    // The results are a lazy chunk: its first load in a test run takes a moment.
    expect(await screen.findByRole('heading', { name: 'Services' }, { timeout: 10_000 })).toBeTruthy();
    expect(names()).toEqual(['WhatsApp Türkiye']);
    search('ISTANBUL');
    await waitFor(() => expect(names()).toEqual(['WhatsApp İstanbul Özel']));
  });

  it('matches the category name with the service name, asks for the shown prices, and rents in one click', async () => {
    const { send } = await renderPopup(
      { catalog: indexed(), balance },
      {
        getPrices: async ({ serviceIds }) => {
          const c = await stored.catalog.getValue();
          const rows = c.services['2']!.rows.map((r) =>
            serviceIds.includes(r.id) ? { ...r, price: 1.5, stock: 9, pricedAt: NOW } : r,
          );
          await stored.catalog.setValue({ ...c, services: { ...c.services, '2': { rows, at: NOW } } });
          return ACK;
        },
        rent: async () => {
          await stored.rentals.setValue([rental({ id: 'r9', serviceId: 21 })]);
          return { rentalId: 'r9' };
        },
      },
    );
    search('google endonezya');
    const rent = await within(await screen.findByTestId('service-row')).findByRole('button', {
      name: 'Rent · $1.50',
    });
    expect(callsOf(send, 'getPrices')).toEqual([{ serviceIds: [21] }]);
    fireEvent.click(rent);
    await waitFor(() => expect(callsOf(send, 'rent')).toHaveLength(1));
    expect(callsOf(send, 'rent')[0]).toMatchObject({
      serviceId: 21,
      serviceName: 'Endonezya',
      categoryName: 'Google',
    });
  });

  it('matching categories still show; nothing at all says so', async () => {
    await renderPopup({ catalog: indexed(), balance });
    search('disc');
    expect(screen.getByRole('button', { name: /Discord/ })).toBeTruthy();
    search('mars');
    expect(await screen.findByText(/Nothing matches “mars”/)).toBeTruthy();
    expect(screen.queryByTestId('service-row')).toBeNull();
  });
});

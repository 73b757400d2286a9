import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogService, NumbersCatalog, SiteChoice } from '../../utils/storage';
import type { TargetTab } from '../../utils/stores/types';
import { ACK, callsOf, flush, NOW, rental, resetBrowser, stored, type Handlers, type World } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

// Opened over a sign-up page, the popup offers that site's service first (a lazy chunk: awaited with findBy*).

const discordRows = (): CatalogService[] => [
  { id: 21, name: 'Discord Amerika', categoryId: 3, price: 1.5, stock: 200, pricedAt: null },
  { id: 22, name: 'Discord Rusya', categoryId: 3, price: 0.8, stock: 95, pricedAt: null },
  { id: 23, name: 'Discord Hollanda', categoryId: 3, price: 2, stock: 30, pricedAt: null },
];
const catalog = (rows = discordRows()): NumbersCatalog => ({
  origin: 'https://smmonayim.com',
  categories: [
    { id: 1, name: 'WhatsApp' },
    { id: 2, name: 'Google' },
    { id: 3, name: 'DİSCORD' },
  ],
  categoriesAt: NOW,
  services: { '3': { rows, at: NOW } },
  indexedAt: 0,
});
const balance = { numbers: { amount: 50, currency: 'USD' }, orders: null, at: 1 };
const over = (site: string | null) => ({
  target: async (): Promise<TargetTab> => ({ tabId: 9, site }),
});

/** The fake background remembers site choices the way the real one does (it writes the item). */
const saveSiteChoice: Handlers['saveSiteChoice'] = async ({ site, ...patch }) => {
  const all = await stored.siteChoices.getValue();
  const before: SiteChoice = all[site] ?? { serviceId: null, categoryId: null, hidden: false, at: 0 };
  await stored.siteChoices.setValue({ ...all, [site]: { ...before, ...patch, at: NOW } });
  return ACK;
};

async function open(world: World = {}, handlers: Handlers = {}, site: string | null = 'https://discord.com') {
  const ctx = await renderPopup(
    { catalog: catalog(), balance, ...world },
    { getServices: async () => ACK, saveSiteChoice, ...handlers },
    over(site),
  );
  const card = await screen.findByTestId('site-card');
  return { ...ctx, card };
}
const countrySelect = (card: HTMLElement) => within(card).getByLabelText('Country') as HTMLSelectElement;

describe('site card', () => {
  it('shows the site, its service and the cheapest country in stock with price and stock, and refreshes it', async () => {
    const { card, send } = await open();
    expect(within(card).getByRole('heading').textContent).toBe('For discord.com');
    expect((within(card).getByLabelText('Service') as HTMLSelectElement).value).toBe('3');
    expect(countrySelect(card).value).toBe('22');
    expect(within(card).getByTestId('site-service-name').textContent).toBe('Discord Rusya');
    expect(card.textContent).toContain('95 in stock');
    expect(within(card).getByRole('button', { name: 'Rent Discord Rusya · $0.80' })).toBeTruthy();
    await waitFor(() => expect(callsOf(send, 'getServices')).toContainEqual({ categoryId: 3 }));
  });

  it('one click rents once, for the tab and the site the popup was opened over', async () => {
    let answer: () => void = () => undefined;
    const { card, send } = await open(
      {},
      {
        rent: () =>
          new Promise((r) => {
            answer = () => {
              void stored.rentals
                .setValue([rental({ id: 'r9', serviceId: 22, site: 'https://discord.com' })])
                .then(() => r({ rentalId: 'r9' }));
            };
          }),
      },
    );
    const button = within(card).getByTestId('site-rent') as HTMLButtonElement;
    fireEvent.click(button);
    fireEvent.click(button);
    await flush();
    expect(button.disabled).toBe(true);
    answer();
    await waitFor(() => expect(button.disabled).toBe(false));
    expect(callsOf(send, 'rent')).toEqual([
      expect.objectContaining({ serviceId: 22, price: 0.8, site: 'https://discord.com', tabId: 9 }),
    ]);
  });

  it('a changed country is shown at once, remembered for the site, and offered first next time', async () => {
    const { card, send, unmount } = await open({ history: [rental({ serviceId: 21, state: 'done' })] });
    expect(countrySelect(card).value).toBe('21'); // the one rented most
    fireEvent.change(countrySelect(card), { target: { value: '23' } });
    expect(countrySelect(card).value).toBe('23');
    await waitFor(async () => expect((await stored.siteChoices.getValue()).discord?.serviceId).toBe(23));
    expect(callsOf(send, 'saveSiteChoice')).toEqual([{ site: 'discord', serviceId: 23 }]);
    const siteChoices = await stored.siteChoices.getValue();
    unmount();
    const again = await open({ siteChoices, history: [rental({ serviceId: 21, state: 'done' })] });
    expect(countrySelect(again.card).value).toBe('23');
  });

  it('"not this site\'s service" hides the card for this site', async () => {
    const { card, send } = await open();
    fireEvent.change(within(card).getByLabelText('Service'), { target: { value: 'none' } });
    await waitFor(() => expect(screen.queryByTestId('site-card')).toBeNull());
    expect(callsOf(send, 'saveSiteChoice')).toEqual([{ site: 'discord', hidden: true }]);
    // Not lost for good: a quiet link offers it again on this site.
    fireEvent.click(await screen.findByRole('button', { name: 'Offer DİSCORD for discord.com again' }));
    expect(await screen.findByTestId('site-card')).toBeTruthy();
    expect(callsOf(send, 'saveSiteChoice')).toEqual([
      { site: 'discord', hidden: true },
      { site: 'discord', hidden: false },
    ]);
  });

  it('another category can be picked for the site; its services are asked for', async () => {
    const { card, send } = await open();
    fireEvent.change(within(card).getByLabelText('Service'), { target: { value: '1' } });
    await waitFor(() => expect(callsOf(send, 'getServices')).toContainEqual({ categoryId: 1 }));
    expect(callsOf(send, 'saveSiteChoice')).toEqual([
      { site: 'discord', categoryId: 1, serviceId: null, hidden: false },
    ]);
    expect((within(card).getByLabelText('Service') as HTMLSelectElement).value).toBe('1');
  });

  it('a row without a price says the price is loading and cannot be rented yet', async () => {
    const rows = discordRows().map((r) => ({ ...r, price: null }));
    const { card } = await open({ catalog: catalog(rows) });
    const button = within(card).getByTestId('site-rent') as HTMLButtonElement;
    expect(button.textContent).toBe('Price loading…');
    expect(button.disabled).toBe(true);
  });

  it('speaks Turkish', async () => {
    const { card } = await open({ settings: { language: 'tr' } });
    expect(within(card).getByRole('heading').textContent).toBe('discord.com için');
    expect(within(card).getByLabelText('Ülke')).toBeTruthy();
    expect(within(card).getByLabelText('Hizmet')).toBeTruthy();
    expect(within(card).getByRole('option', { name: 'Bu sitenin hizmeti değil' })).toBeTruthy();
    expect(within(card).getByTestId('site-rent').textContent).toMatch(/^Discord Rusya kirala · /);
  });

  it('no card on a site the table does not know, nor over a page that is not a web page', async () => {
    for (const site of ['https://shop.example', null]) {
      const { unmount } = await renderPopup({ catalog: catalog(), balance }, {}, over(site));
      await screen.findByRole('button', { name: /WhatsApp/ });
      await flush();
      await flush();
      expect(screen.queryByTestId('site-card')).toBeNull();
      unmount();
    }
  });
});

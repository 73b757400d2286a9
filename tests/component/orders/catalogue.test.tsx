import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import { service } from '../../unit/orders/fixtures';
import { ACK, renderOrders } from './renderOrders';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const catalogue = [
  service('default', {
    id: 1,
    name: 'Instagram Takipçi | Gerçek Türk',
    category: 'Instagram Takipçi',
    refill: true,
    cancel: true,
    dripfeed: true,
  }),
  service('default', {
    id: 2,
    name: 'Instagram Takipçi | Global',
    category: 'Instagram Takipçi',
    rate: 0.35,
  }),
  service('package', { id: 5, name: 'Paket 1000', category: 'Paketler', rate: 3.5, min: 1, max: 1 }),
  service('default', { id: 21, name: 'Bad <img src=x onerror=alert(1)>', category: 'Instagram Takipçi' }),
];
const rows = () => screen.getAllByTestId('order-service');
const ids = () => rows().map((r) => Number(r.dataset.serviceId));
const search = (value: string) => fireEvent.input(screen.getByTestId('orders-search'), { target: { value } });

describe('services catalogue', () => {
  it('paints the cached catalogue at once, grouped by category, with rate, min–max and marks', async () => {
    await renderOrders({ services: catalogue });
    const groups = [...document.querySelectorAll('.ogroup > summary')].map((s) => s.textContent);
    expect(groups).toEqual(['Instagram Takipçi (3)', 'Paketler (1)']);
    const first = within(rows()[0]!);
    expect(first.getByText(/\$0\.90 \/ 1000/)).toBeTruthy();
    expect(first.getByText(/Min 50 – max 10,000/)).toBeTruthy();
    expect(first.getByText('Refill')).toBeTruthy();
    expect(first.getByText('Cancel')).toBeTruthy();
    expect(first.getByText('Drip-feed')).toBeTruthy();
    expect(within(rows()[1]!).queryByText('Refill')).toBeNull();
    expect(screen.getByText(/\$3\.50 per package/)).toBeTruthy();
  });

  it('shows panel text as text, never as HTML', async () => {
    await renderOrders({ services: catalogue });
    expect(screen.getByText('Bad <img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });

  it('searches by name (Turkish-aware), id and category', async () => {
    await renderOrders({ services: catalogue });
    search('TAKIPCI gercek');
    expect(ids()).toEqual([1]);
    search('#5');
    expect(ids()).toEqual([5]);
    search('paketler');
    expect(ids()).toEqual([5]);
    search('zzz');
    expect(screen.getByText('No service matches “zzz”.')).toBeTruthy();
  });

  it('stars a favourite: it comes first and is saved', async () => {
    const { items } = await renderOrders({ services: catalogue });
    fireEvent.click(screen.getByRole('button', { name: 'Add Paket 1000 to favourites' }));
    await waitFor(() =>
      expect(document.querySelector('.ogroup > summary')?.textContent).toBe('Favourites (1)'),
    );
    expect(await items.favorites.getValue()).toEqual([5]);
    expect(ids()[0]).toBe(5);
  });

  it('refreshes on demand; a failure is a sentence with a retry', async () => {
    let calls = 0;
    const { sent } = await renderOrders(
      { services: catalogue },
      {
        getOrderServices: async (d) => {
          calls++;
          if (d.refresh) throw new PanelError({ kind: 'bad_key', endpoint: 'services' });
          return ACK;
        },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Refresh the services list' }));
    expect(await screen.findByText(/API key was not accepted/)).toBeTruthy();
    expect(sent('getOrderServices')).toEqual([{ refresh: false }, { refresh: true }]);
    expect(calls).toBe(2);
    expect(rows()).toHaveLength(4); // the cached list stays
  });
});

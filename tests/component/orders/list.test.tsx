import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import { order } from '../../unit/orders/fixtures';
import { ACK, ORIGIN, renderOrders, stored, storeOrders } from './renderOrders';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const card = (id: number) => document.querySelector(`[data-order-id="${id}"]`) as HTMLElement;
const showList = () => fireEvent.click(screen.getByTestId('orders-view-orders'));

describe('orders list', () => {
  it('shows status, start count, remains, charge and a progress bar; unknown statuses as they came', async () => {
    const orders = [
      order({
        id: 1,
        origin: ORIGIN,
        status: 'in_progress',
        statusText: 'In progress',
        quantity: 1000,
        remains: 250,
        startCount: 3572,
        charge: 0.27819,
      }),
      order({ id: 2, origin: ORIGIN, status: 'unknown', statusText: 'Moderasyonda', remains: null }),
      order({ id: 3, origin: 'https://other.test' }),
    ];
    await renderOrders({ orders });
    showList();
    expect(screen.getByTestId('orders-view-orders').textContent).toBe('My orders (2)');
    const first = within(card(1));
    expect(first.getByTestId('order-status').textContent).toBe('In progress');
    expect(first.getByText('750 of 1,000 delivered')).toBeTruthy();
    expect(card(1).textContent).toContain('Start count 3,572');
    expect(card(1).textContent).toContain('Remains 250');
    expect(card(1).textContent).toContain('Charge $0.2782');
    const bar = first.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('750');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('75%');
    expect(within(card(2)).getByTestId('order-status').textContent).toBe('Moderasyonda');
    expect(card(3)).toBeNull(); // another panel's order
  });

  it('refreshes statuses on open and on demand; the new status shows', async () => {
    const before = order({ id: 1, origin: ORIGIN, status: 'pending', statusText: 'Pending', remains: 1000 });
    let answer = [before];
    const { sent } = await renderOrders(
      { orders: [before] },
      {
        refreshOrders: async () => {
          await storeOrders(...answer);
          return ACK;
        },
      },
    );
    showList();
    expect(sent('refreshOrders')).toHaveLength(1);
    answer = [{ ...before, status: 'completed', statusText: 'Completed', remains: 0 }];
    fireEvent.click(screen.getByTestId('orders-refresh'));
    await waitFor(() => expect(within(card(1)).getByTestId('order-status').textContent).toBe('Completed'));
    expect(sent('refreshOrders')).toHaveLength(2);
  });

  it('offers refill and cancel only where the service supports them, and shows the panel’s answer', async () => {
    const running = order({ id: 1, origin: ORIGIN, status: 'in_progress', canCancel: true, canRefill: true });
    const done = order({ id: 2, origin: ORIGIN, status: 'completed', canCancel: true, canRefill: true });
    const plain = order({ id: 3, origin: ORIGIN, status: 'completed' });
    const { sent } = await renderOrders(
      { orders: [running, done, plain] },
      {
        cancelOrder: async ({ id }) => {
          await storeOrders({
            ...running,
            id,
            note: { action: 'cancel', ok: false, text: 'Order cannot be canceled', at: 1 },
          });
          return ACK;
        },
        refillOrder: async ({ id }) => {
          await storeOrders({ ...done, id, note: { action: 'refill', ok: true, text: '7', at: 1 } });
          return ACK;
        },
      },
    );
    showList();
    expect(within(card(1)).queryByRole('button', { name: 'Refill' })).toBeNull();
    expect(within(card(2)).queryByRole('button', { name: 'Cancel order' })).toBeNull();
    expect(within(card(3)).queryByRole('button', { name: 'Refill' })).toBeNull();
    fireEvent.click(within(card(1)).getByRole('button', { name: 'Cancel order' }));
    await waitFor(() =>
      expect(card(1).textContent).toContain('The panel refused to cancel: Order cannot be canceled'),
    );
    fireEvent.click(within(card(2)).getByRole('button', { name: 'Refill' }));
    await waitFor(() => expect(card(2).textContent).toContain('Refill requested (refill #7).'));
    expect(sent('cancelOrder')).toEqual([{ id: 1 }]);
    expect(sent('refillOrder')).toEqual([{ id: 2 }]);
  });

  it('adds an order by id; a bad id or the panel’s error is a sentence', async () => {
    const added = order({ id: 23555, origin: ORIGIN, source: 'added', serviceName: '' });
    const { sent } = await renderOrders(
      {},
      {
        addOrderById: async ({ id }) => {
          if (id === 999)
            throw new PanelError({ kind: 'not_found', endpoint: 'status', panelText: 'Incorrect order ID' });
          await storeOrders(added);
          return ACK;
        },
      },
    );
    showList();
    const input = screen.getByTestId('order-add-id');
    fireEvent.input(input, { target: { value: '12a' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() =>
      expect(screen.getByTestId('order-add-error').textContent).toBe("Enter the order's id (digits only)."),
    );
    expect(sent('addOrderById')).toEqual([]);
    fireEvent.input(input, { target: { value: '999' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() =>
      expect(screen.getByTestId('order-add-error').textContent).toContain('“Incorrect order ID”'),
    );
    fireEvent.input(input, { target: { value: '#23555' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(card(23555)).toBeTruthy());
    expect(card(23555).textContent).toContain('Added by id');
    expect(sent('addOrderById')).toEqual([{ id: 999 }, { id: 23555 }]);
  });

  it('removes an order from the list', async () => {
    const { sent } = await renderOrders(
      { orders: [order({ id: 1, origin: ORIGIN })] },
      {
        removeOrder: async () => {
          await stored.orders.setValue([]);
          return ACK;
        },
      },
    );
    showList();
    fireEvent.click(screen.getByRole('button', { name: 'Remove from list' }));
    await waitFor(() => expect(card(1)).toBeNull());
    expect(sent('removeOrder')).toEqual([{ id: 1 }]);
    expect(screen.getByText(/No orders yet/)).toBeTruthy();
  });
});

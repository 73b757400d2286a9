import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rental } from '../../utils/rentals/types';
import { ACK, callsOf, flush, NOW, rental, resetBrowser, stored } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

const card = () => screen.getByTestId('rental');
const cancelled = (r: Rental, refunded: boolean, title = '', message = ''): Rental => ({
  ...r,
  state: refunded ? 'cancelled' : r.state,
  cancel: { refunded, title, message, at: NOW, auto: false },
});

describe('active numbers', () => {
  it('a waiting number: big number, service and price, status in words, countdown', async () => {
    const { store } = await renderPopup({ rentals: [rental()] });
    expect(screen.getByTestId('phone-number').textContent).toBe('+90 5551234567');
    expect(card().textContent).toContain('WhatsApp Türkiye');
    expect(card().textContent).toContain('TRY');
    expect(screen.getByTestId('rental-status').textContent).toBe('Waiting for the SMS');
    expect(screen.getByTestId('countdown').textContent).toBe('14:32 left');
    store.tick(NOW + 32_000);
    await flush();
    expect(screen.getByTestId('countdown').textContent).toBe('14:00 left');
    store.tick(NOW + 20 * 60_000);
    await flush();
    expect(card().textContent).toContain('Time is up');
  });

  it('copies the number with and without the country prefix, and fills it into the page', async () => {
    const { copyText, send } = await renderPopup(
      { rentals: [rental()] },
      { fillNumber: async () => ({ filled: 1 }) },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy +905551234567' }));
    await flush();
    expect(copyText).toHaveBeenLastCalledWith('+905551234567');
    fireEvent.click(screen.getByRole('button', { name: 'Copy without +90: 5551234567' }));
    await flush();
    expect(copyText).toHaveBeenLastCalledWith('5551234567');
    fireEvent.click(screen.getByRole('button', { name: 'Fill into page: +905551234567' }));
    await waitFor(() => expect(screen.getByTestId('rental-note').textContent).toBe('Filled into the page.'));
    expect(callsOf(send, 'fillNumber')).toEqual([{ tabId: 7, number: '+905551234567' }]);
  });

  it('the code arrives: large digits, announced, marked seen while the popup is open', async () => {
    const { items, send } = await renderPopup({ rentals: [rental()] }, { markSeen: async () => ACK });
    expect(screen.queryByTestId('code')).toBeNull();
    await items.rentals.setValue([
      { ...rental(), state: 'received', codes: [{ code: '482913', at: NOW, seen: false }] },
    ]);
    await flush();
    expect(screen.getByTestId('code').textContent).toBe('482913');
    expect(screen.getByTestId('rental-status').textContent).toBe('Code received');
    expect(screen.getByTestId('live-region').textContent).toBe('Code received: 482913');
    expect(callsOf(send, 'markSeen')).toEqual([{ rentalId: 'r1' }]);
  });

  it('opening the popup on unseen codes marks them seen; Copy and Fill use the code', async () => {
    const withCode = rental({ state: 'received', codes: [{ code: '012345', at: NOW, seen: false }] });
    const { send, copyText } = await renderPopup(
      { rentals: [withCode] },
      { markSeen: async () => ACK, fillCode: async () => ({ filled: 6 }) },
    );
    expect(callsOf(send, 'markSeen')).toEqual([{ rentalId: 'r1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code 012345' }));
    await flush();
    expect(copyText).toHaveBeenCalledWith('012345');
    expect(screen.getByTestId('rental-note').textContent).toBe('Copied 012345');
    fireEvent.click(screen.getByRole('button', { name: 'Fill code 012345 into the page' }));
    await waitFor(() => expect(callsOf(send, 'fillCode')).toEqual([{ tabId: 7, code: '012345' }]));
    await waitFor(() =>
      expect(screen.getByTestId('rental-note').textContent).toBe('Filled into 6 fields on the page.'),
    );
  });

  it('a newer code replaces the big one; the earlier one is listed', async () => {
    const codes = [
      { code: '111111', at: NOW - 5000, seen: true },
      { code: '222222', at: NOW, seen: true },
    ];
    await renderPopup({ rentals: [rental({ state: 'received', codes })] });
    expect(screen.getByTestId('code').textContent).toBe('222222');
    expect(card().textContent).toContain('Earlier codes: 111111');
  });

  it('Cancel shows the refund the panel confirmed, on the card and after the card has gone', async () => {
    const { send, items } = await renderPopup(
      { rentals: [rental()] },
      {
        cancelRental: async () => {
          await items.rentals.setValue([cancelled(rental(), true)]);
          return ACK;
        },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel (refund)' }));
    await flush();
    expect(callsOf(send, 'cancelRental')).toEqual([{ rentalId: 'r1' }]);
    expect(screen.getByTestId('rental-note').textContent).toBe('Cancelled — the price was refunded.');
    expect(screen.getByTestId('rental-status').textContent).toBe('Cancelled');
    expect(screen.queryByRole('button', { name: 'Cancel (refund)' })).toBeNull();
    expect(screen.getByTestId('live-region').textContent).toBe('Cancelled — the price was refunded.');
    expect(screen.queryByTestId('notice')).toBeNull(); // the card says it already
    await items.rentals.setValue([]); // the background moves it to the history
    await flush();
    expect(screen.getByTestId('notice').textContent).toContain(
      '+905551234567: Cancelled — the price was refunded.',
    );
  });

  it('a finished number lingering on the list says how it ended and can be dismissed', async () => {
    const { send } = await renderPopup(
      { rentals: [cancelled(rental(), true)] },
      { finishRental: async () => ACK },
    );
    expect(screen.getByTestId('rental').textContent).toContain('Cancelled — the price was refunded.');
    expect(screen.queryByTestId('countdown')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Copy|^Fill/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await flush();
    expect(callsOf(send, 'finishRental')).toEqual([{ rentalId: 'r1' }]);
  });

  it('a refused cancel shows the panel’s reason and keeps the number', async () => {
    await renderPopup(
      { rentals: [rental()] },
      {
        cancelRental: async () => {
          await stored.rentals.setValue([
            cancelled(rental(), false, 'İptal edilemedi', 'İlk 2 dakika iptal yok'),
          ]);
          return ACK;
        },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel (refund)' }));
    expect((await screen.findByTestId('rental-note')).textContent).toBe(
      'The panel could not cancel this number: İptal edilemedi — İlk 2 dakika iptal yok',
    );
    expect(screen.getByTestId('rental')).toBeTruthy();
  });

  it('Cancel is disabled while it is in flight', async () => {
    const { send } = await renderPopup(
      { rentals: [rental()] },
      { cancelRental: () => new Promise(() => undefined) },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel (refund)' }));
    await flush();
    const button = screen.getByRole('button', { name: 'Cancelling…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(callsOf(send, 'cancelRental')).toHaveLength(1);
  });

  it('an unknown rent: the error sentence, "may have been charged", and Dismiss', async () => {
    const unknown = rental({
      state: 'unknown',
      number: null,
      numberId: null,
      expiresAt: null,
      error: {
        name: 'PanelError',
        kind: 'timeout',
        message: 'x',
        mayHaveCharged: true,
        endpoint: 'getNumber',
      },
    });
    const { send } = await renderPopup({ rentals: [unknown] }, { finishRental: async () => ACK });
    const alert = within(card()).getByRole('alert');
    expect(alert.textContent).toContain('The panel took too long to answer.');
    expect(alert.textContent).toContain('may have been charged: check your balance and history');
    expect(screen.getByTestId('rental-status').textContent).toBe("Unknown — the panel's answer was lost");
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await flush();
    expect(callsOf(send, 'finishRental')).toEqual([{ rentalId: 'r1' }]);
  });

  it('lists the newest number first', async () => {
    await renderPopup({
      rentals: [
        rental({ id: 'old', number: '+33611111111', createdAt: NOW - 600_000 }),
        rental({ id: 'new', number: '+33622222222', createdAt: NOW - 1000 }),
      ],
    });
    expect(screen.getAllByTestId('phone-number').map((n) => n.textContent)).toEqual([
      '+33 622222222',
      '+33 611111111',
    ]);
  });

  it('Fill says so when there is no page to fill', async () => {
    const withCode = rental({ state: 'received', codes: [{ code: '999', at: NOW, seen: true }] });
    const { send } = await renderPopup(
      { rentals: [withCode] },
      {},
      { target: async () => ({ tabId: null, site: null }) },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Fill code 999 into the page' }));
    expect((await screen.findByTestId('rental-note')).textContent).toContain('There is no page to fill');
    expect(callsOf(send, 'fillCode')).toHaveLength(0);
  });

  it('Done takes a number with its code off the list (finishRental)', async () => {
    const withCode = rental({ state: 'received', codes: [{ code: '5', at: NOW, seen: true }] });
    const { send } = await renderPopup({ rentals: [withCode] }, { finishRental: async () => ACK });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await flush();
    expect(callsOf(send, 'finishRental')).toEqual([{ rentalId: 'r1' }]);
  });
});

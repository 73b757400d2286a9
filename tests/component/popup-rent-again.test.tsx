import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageError } from '../../utils/messaging/errors';
import type { Rental } from '../../utils/rentals/types';
import { ACK, callsOf, flush, NOW, rental, resetBrowser, stored } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

const button = (name: string | RegExp) => screen.getByRole('button', { name }) as HTMLButtonElement;
const expired = rental({ id: 'old', state: 'expired', endedAt: NOW - 1000 });
const fresh = rental({ id: 'new', number: '+905559998877', numberId: 101, createdAt: NOW });

describe('Rent another', () => {
  it('a number that expired without a code offers Rent another: one rentAgain per click, for the popup tab', async () => {
    const { send } = await renderPopup(
      { rentals: [expired] },
      {
        rentAgain: async () => {
          await stored.rentals.setValue([fresh, expired]);
          return { rentalId: 'new' };
        },
      },
    );
    fireEvent.click(button('Rent another'));
    fireEvent.click(button(/Rent/));
    await waitFor(() => expect(screen.getByTestId('live-region').textContent).toContain('+905559998877'));
    expect(callsOf(send, 'rentAgain')).toEqual([
      { rentalId: 'old', requestId: 'req-1', site: 'https://shop.example', tabId: 7 },
    ]);
  });

  it('a number with a code, or a waiting one, does not offer Rent another', async () => {
    await renderPopup({
      rentals: [rental({ id: 'done', state: 'done', codes: [{ code: '1', at: NOW, seen: true }] }), rental()],
    });
    expect(screen.queryByRole('button', { name: 'Rent another' })).toBeNull();
  });

  it('the history offers Rent another on a number cancelled without a code', async () => {
    const cancelled: Rental = {
      ...expired,
      state: 'cancelled',
      cancel: { refunded: true, title: '', message: '', at: NOW, auto: false },
    };
    const { send } = await renderPopup(
      { history: [cancelled], draft: { showHistory: true } },
      { rentAgain: async () => ({ rentalId: 'new' }) },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Rent another' }));
    await flush();
    expect(callsOf(send, 'rentAgain')).toHaveLength(1);
    expect(callsOf(send, 'rentAgain')[0]).toMatchObject({ rentalId: 'old' });
  });
});

describe('Cancel and rent another', () => {
  it('a waiting number sends it once; the card says the new number', async () => {
    const { send } = await renderPopup(
      { rentals: [rental()] },
      {
        cancelAndRentAnother: async ({ requestId }) => {
          const old = rental({
            state: 'cancelled',
            cancel: { refunded: true, title: '', message: '', at: NOW, auto: false },
            again: { requestId, step: 'rented', rentalId: 'new' },
          });
          await stored.rentals.setValue([fresh, old]);
          return ACK;
        },
      },
    );
    fireEvent.click(button('Cancel and rent another'));
    fireEvent.click(button(/rent another|Renting another/));
    await waitFor(() =>
      expect(screen.getByTestId('rental-again').textContent).toBe(
        'Cancelled and refunded — a new number was rented: +905559998877',
      ),
    );
    expect(callsOf(send, 'cancelAndRentAnother')).toHaveLength(1);
  });

  it('a refused cancel says when it will be possible and disables both cancels until then', async () => {
    const { store } = await renderPopup(
      { rentals: [rental()] },
      {
        cancelAndRentAnother: async ({ requestId }) => {
          const refused = rental({
            cancel: {
              refunded: false,
              title: 'İptal edilemez',
              message: 'Numara ilk 2 dakika içinde iptal edilemez',
              at: NOW,
              auto: false,
              retryAt: NOW + 60_000,
            },
            again: { requestId, step: 'refused' },
          });
          await stored.rentals.setValue([refused]);
          return ACK;
        },
      },
    );
    fireEvent.click(button('Cancel and rent another'));
    await waitFor(() =>
      expect(screen.getByTestId('cancel-retry').textContent).toMatch(/^You can cancel at .+ — in 1:00\.$/),
    );
    expect(screen.getByTestId('rental-again').textContent).toBe('Nothing was rented.');
    // Not busy any more, and still disabled: the panel's time has not come.
    await waitFor(() => expect(button('Cancel and rent another').disabled).toBe(true));
    expect(button('Cancel (refund)').disabled).toBe(true);
    store.tick(NOW + 45_000);
    await flush();
    expect(screen.getByTestId('cancel-retry').textContent).toMatch(/in 0:15\.$/);
    store.tick(NOW + 60_000);
    await flush();
    expect(screen.queryByTestId('cancel-retry')).toBeNull();
    expect(button('Cancel and rent another').disabled).toBe(false);
    expect(button('Cancel (refund)').disabled).toBe(false);
  });

  it('a cancel whose answer was lost says so, and that nothing was rented', async () => {
    await renderPopup(
      { rentals: [rental()] },
      {
        cancelAndRentAnother: async () => {
          throw new MessageError('again_unclear');
        },
      },
    );
    fireEvent.click(button('Cancel and rent another'));
    await waitFor(() =>
      expect(screen.getByTestId('rental-note').textContent).toContain('so no new number was rented'),
    );
  });
});

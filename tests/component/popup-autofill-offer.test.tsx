import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { ACK, callsOf, flush, rental, resetBrowser, stored } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

describe('automatic fill offered for the site a number was rented for', () => {
  it('asks host access for that origin only, inside the click, then turns it on', async () => {
    const { send, request } = await renderPopup(
      { rentals: [rental()] },
      {
        setAutofillSite: async ({ origin }) => {
          const settings = await stored.settings.getValue();
          await stored.settings.setValue({ ...settings, autofillSites: [origin] });
          return ACK;
        },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Fill codes on shop.example automatically' }));
    await flush();
    expect(request).toHaveBeenCalledWith('https://shop.example');
    expect(callsOf(send, 'setAutofillSite')).toEqual([{ origin: 'https://shop.example', enabled: true }]);
    await waitFor(() =>
      expect(screen.getByTestId('rental-note').textContent).toBe(
        'Codes for shop.example will now be filled automatically.',
      ),
    );
  });

  it('a refused permission turns nothing on and says so', async () => {
    const { send, request } = await renderPopup({ rentals: [rental()] });
    request.mockResolvedValueOnce(false);
    fireEvent.click(screen.getByRole('button', { name: 'Fill codes on shop.example automatically' }));
    // The sentence is the sign the click's work is over: only then is "nothing sent" meaningful.
    await waitFor(() => expect(screen.getByTestId('rental-note').textContent).toContain('was not allowed'));
    expect(callsOf(send, 'setAutofillSite')).toEqual([]);
  });

  it('says it is on when the site is already allowed, and offers nothing for a number with no site', async () => {
    await renderPopup({
      rentals: [rental(), rental({ id: 'r2', site: null })],
      settings: { ...DEFAULT_SETTINGS, autofillSites: ['https://shop.example'] },
    });
    expect(screen.getByText('Codes fill automatically on shop.example.')).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /automatically/ })).toHaveLength(0);
  });
});

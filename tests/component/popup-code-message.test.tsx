import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACK, callsOf, flush, NOW, rental, resetBrowser } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

const SMS = 'G-123456 is your Google verification code.';

describe('a code that came inside a whole SMS', () => {
  it('shows the code big and the SMS beside it as text; Copy and Fill use the code', async () => {
    const withSms = rental({
      state: 'received',
      codes: [{ code: '123456', message: SMS, at: NOW, seen: true }],
    });
    const { send, copyText } = await renderPopup(
      { rentals: [withSms] },
      { markSeen: async () => ACK, fillCode: async () => ({ filled: 6 }) },
    );
    expect(screen.getByTestId('code').textContent).toBe('123456');
    expect(screen.getByTestId('code-message').textContent).toBe(`Message: ${SMS}`);
    fireEvent.click(screen.getByRole('button', { name: 'Copy code 123456' }));
    await flush();
    expect(copyText).toHaveBeenLastCalledWith('123456');
    fireEvent.click(screen.getByRole('button', { name: 'Fill code 123456 into the page' }));
    await waitFor(() => expect(callsOf(send, 'fillCode')).toEqual([{ tabId: 7, code: '123456' }]));
  });

  it('markup in an SMS stays text', async () => {
    const sms = '<img src=x onerror=alert(1)> code 4821';
    await renderPopup({
      rentals: [rental({ state: 'received', codes: [{ code: '4821', message: sms, at: NOW, seen: true }] })],
    });
    expect(screen.getByTestId('code-message').textContent).toBe(`Message: ${sms}`);
    expect(document.querySelector('.code-box img')).toBeNull();
  });

  it('an SMS without a code is shown with no Copy code or Fill, and announced as a message', async () => {
    const { items } = await renderPopup({ rentals: [rental()] }, { markSeen: async () => ACK });
    await items.rentals.setValue([
      {
        ...rental(),
        state: 'received',
        codes: [{ code: null, message: 'Hello, your account is ready', at: NOW, seen: false }],
      },
    ]);
    await flush();
    expect(screen.getByTestId('code-none').textContent).toBe(
      'No code found in this message: nothing is filled automatically.',
    );
    expect(screen.getByTestId('code-message').textContent).toBe('Message: Hello, your account is ready');
    expect(screen.queryByTestId('code')).toBeNull();
    expect(document.querySelectorAll('.code-box button')).toHaveLength(0);
    expect(screen.getByTestId('live-region').textContent).toBe(
      'Message received: Hello, your account is ready',
    );
  });
});

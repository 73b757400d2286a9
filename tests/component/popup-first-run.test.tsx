import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../entrypoints/popup/App';
import { PanelError } from '../../utils/api/errors';
import { ACK, callsOf, makePopup, resetBrowser, stored } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

/** The popup with no key: the setup's code is loaded on first use, so wait for its heading. */
async function renderSetup(...args: Parameters<typeof renderPopup>) {
  const ctx = await renderPopup(...args);
  await screen.findByRole('heading', { name: 'Connect your panel account' });
  return ctx;
}

const paste = (label: RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('popup first run', () => {
  it('shows a skeleton, never a blank popup, before storage is read', async () => {
    const { store } = await makePopup({ keyHint: '' });
    render(<App store={store} onOpenOptions={vi.fn()} />);
    expect(document.querySelector('.skeleton')).not.toBeNull();
  });

  it('asks for the key when none is saved, with the account page link and a masked field', async () => {
    await renderSetup({ keyHint: '' });
    expect(screen.getByRole('heading', { name: 'Connect your panel account' })).toBeTruthy();
    const field = screen.getByLabelText('API key') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(field.type).toBe('text');
    const link = screen.getByRole('link', { name: /My account/ }) as HTMLAnchorElement;
    expect(link.href).toBe('https://smmonayim.com/account');
    expect(screen.queryByRole('tab')).toBeNull();
  });

  it('says clearly when the panel refuses the key, and does not leave setup', async () => {
    const { send } = await renderSetup(
      { keyHint: '' },
      { saveKey: () => Promise.reject(new PanelError({ kind: 'bad_key', endpoint: 'getBalance' })) },
    );
    paste(/API key/, 'wrong-key');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The API key was not accepted by the panel.')).toBeTruthy();
    expect(callsOf(send, 'saveKey')).toEqual([{ key: 'wrong-key', origin: 'https://smmonayim.com' }]);
    expect(screen.getByRole('heading', { name: 'Connect your panel account' })).toBeTruthy();
  });

  it('a right key shows the balance and opens the popup', async () => {
    const ctx = await renderSetup(
      { keyHint: '' },
      {
        saveKey: async () => {
          await stored.balance.setValue({ numbers: { amount: 25, currency: 'USD' }, orders: null, at: 1 });
          await ctx.items.keyHint.setValue('••••789');
          return ACK;
        },
        getBalance: async () => {
          await stored.balance.setValue({
            numbers: { amount: 25, currency: null },
            orders: { amount: 25, currency: 'USD' },
            at: 2,
          });
          return ACK;
        },
        getCategories: async () => ACK,
      },
    );
    paste(/API key/, '  key-123-789 ');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('balance-amount').textContent).toBe('$25.00'));
    expect(callsOf(ctx.send, 'saveKey')[0]!.key).toBe('key-123-789');
    expect(screen.getByRole('tab', { name: 'Numbers' })).toBeTruthy();
  });

  it('Test checks the key without saving it and shows the balance', async () => {
    const { send } = await renderSetup(
      { keyHint: '' },
      { testKey: async () => ({ amount: 12.5, currency: 'TRY' }) },
    );
    paste(/API key/, 'k');
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect((await screen.findByTestId('key-ok')).textContent).toBe('The key works. Balance: TRY\u00a012.50');
    expect(callsOf(send, 'saveKey')).toHaveLength(0);
  });

  it('an empty key gets a sentence and sends nothing', async () => {
    const { send } = await renderSetup({ keyHint: '' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('key-error')).textContent).toBe('Paste your API key first.');
    expect(send).not.toHaveBeenCalled();
  });

  it('another panel origin asks for host permission first; refused → a sentence and no save', async () => {
    const request = vi.fn(async () => false);
    const { send } = await renderSetup({ keyHint: '' }, {}, { permissions: { request } });
    paste(/API key/, 'k');
    paste(/Panel address/, 'panel.example.org/');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('key-error')).textContent).toContain('https://panel.example.org');
    expect(request).toHaveBeenCalledWith('https://panel.example.org');
    expect(callsOf(send, 'saveKey')).toHaveLength(0);
  });

  it('a granted origin is sent with the key', async () => {
    const { send, request } = await renderSetup(
      { keyHint: '' },
      {
        saveKey: async () => {
          await stored.balance.setValue({ numbers: { amount: 1, currency: null }, orders: null, at: 1 });
          return ACK;
        },
      },
    );
    paste(/API key/, 'k');
    paste(/Panel address/, 'http://127.0.0.1:8080');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('key-ok');
    expect(request).toHaveBeenCalledWith('http://127.0.0.1:8080');
    expect(callsOf(send, 'saveKey')[0]!.origin).toBe('http://127.0.0.1:8080');
  });
});

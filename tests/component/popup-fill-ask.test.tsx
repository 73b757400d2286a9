import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callsOf, NOW, rental, resetBrowser } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

const withCode = rental({ state: 'received', codes: [{ code: '482913', at: NOW, seen: true }] });
const fillButton = () => screen.getByRole('button', { name: 'Fill code 482913 into the page' });

// The popup's Fill asks before a code goes to another site, or into another origin's frame.
describe("the popup's Fill asks first", () => {
  it('over a page of another site: names both sites, sends nothing until the person confirms', async () => {
    const { send } = await renderPopup(
      { rentals: [withCode] },
      { fillCode: async () => ({ filled: 1 }) },
      { target: async () => ({ tabId: 7, site: 'https://example.com' }) },
    );
    fireEvent.click(fillButton());
    const ask = await screen.findByTestId('fill-ask');
    expect(ask.textContent).toContain('This code is for shop.example. You are on example.com. Fill it here?');
    expect(callsOf(send, 'fillCode')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Fill it' }));
    await waitFor(() => expect(callsOf(send, 'fillCode')).toEqual([{ tabId: 7, code: '482913' }]));
    expect((await screen.findByTestId('rental-note')).textContent).toBe('Filled into the page.');
  });

  it("Don't fill sends nothing", async () => {
    const { send } = await renderPopup(
      { rentals: [withCode] },
      {},
      { target: async () => ({ tabId: 7, site: 'https://example.com' }) },
    );
    fireEvent.click(fillButton());
    await screen.findByTestId('fill-ask');
    fireEvent.click(screen.getByRole('button', { name: "Don't fill" }));
    expect(screen.queryByTestId('fill-ask')).toBeNull();
    expect(callsOf(send, 'fillCode')).toHaveLength(0);
  });

  it("a field in another origin's frame: names that site, then fills with allowFrameOrigin", async () => {
    let calls = 0;
    const { send } = await renderPopup(
      { rentals: [withCode] },
      {
        fillCode: async () =>
          ++calls === 1
            ? { filled: 0, reason: 'other_origin', blockedFrames: ['https://pay.example'] }
            : { filled: 1 },
      },
    );
    fireEvent.click(fillButton());
    const ask = await screen.findByTestId('fill-ask');
    expect(ask.textContent).toContain(
      'The code field is in a frame of pay.example, not shop.example. Fill it there?',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Fill it' }));
    await waitFor(() =>
      expect(callsOf(send, 'fillCode')).toEqual([
        { tabId: 7, code: '482913' },
        { tabId: 7, code: '482913', allowFrameOrigin: 'https://pay.example' },
      ]),
    );
    expect((await screen.findByTestId('rental-note')).textContent).toBe('Filled into the page.');
  });
});

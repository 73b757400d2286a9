import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../utils/api/errors';
import { ACK, callsOf, flush, NOW, rental, resetBrowser, stored } from './fakes';
import { renderPopup } from './renderPopup';

beforeEach(resetBrowser);
afterEach(cleanup);

const finished = [
  rental({
    id: 'h2',
    state: 'done',
    endedAt: NOW - 1000,
    codes: [{ code: '482913', at: NOW - 2000, seen: true }],
  }),
  rental({
    id: 'h1',
    state: 'cancelled',
    number: '+33611111111',
    endedAt: NOW - 60_000,
    cancel: { refunded: true, title: '', message: '', at: NOW - 60_000, auto: true },
  }),
];

describe('history', () => {
  it('opens from the numbers tab, lists finished numbers with their codes, newest first', async () => {
    await renderPopup({ history: finished });
    fireEvent.click(screen.getByRole('button', { name: 'History (2)' }));
    // The history view is a lazy chunk: wait for it to load.
    const items = await screen.findAllByTestId('history-item');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Codes: 482913');
    expect(items[0]!.textContent).toContain('Done');
    expect(items[1]!.textContent).toContain('Cancelled — the price was refunded.');
    expect(items[1]!.textContent).toContain('+33611111111');
  });

  it('an empty history says what will appear there', async () => {
    await renderPopup({ draft: { showHistory: true } });
    expect(await screen.findByText(/No finished numbers yet/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear history' })).toBeNull();
  });

  it('clearing asks first, then sends clearHistory', async () => {
    const { send } = await renderPopup(
      { history: finished, draft: { showHistory: true } },
      {
        clearHistory: async () => {
          await stored.history.setValue([]);
          return ACK;
        },
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history' }));
    expect(callsOf(send, 'clearHistory')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear' }));
    await flush();
    expect(callsOf(send, 'clearHistory')).toHaveLength(1);
    expect(screen.getByText(/No finished numbers yet/)).toBeTruthy();
  });

  it('a failed clear shows the sentence with a retry', async () => {
    await renderPopup(
      { history: finished, draft: { showHistory: true } },
      {
        clearHistory: () => Promise.reject(new PanelError({ kind: 'unexpected', endpoint: 'clearHistory' })),
      },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, clear' }));
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getAllByTestId('history-item')).toHaveLength(2);
  });

  it('Back returns to renting', async () => {
    await renderPopup({ draft: { showHistory: true } });
    fireEvent.click(await screen.findByRole('button', { name: /Back/ }));
    expect(screen.getByRole('heading', { name: 'Rent a number' })).toBeTruthy();
  });
});

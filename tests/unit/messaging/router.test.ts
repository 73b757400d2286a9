import { describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import { createRouter, isOwnPage, type Handlers } from '../../../utils/messaging/router';

const ID = 'abcdefghijklmnop';
const BASE = `chrome-extension://${ID}/`;

describe('sender check', () => {
  it('accepts the extension own pages only', () => {
    expect(
      isOwnPage({ id: ID, url: BASE + 'popup.html', origin: `chrome-extension://${ID}` }, ID, BASE),
    ).toBe(true);
    expect(isOwnPage({ id: ID, url: BASE + 'options.html' }, ID, BASE)).toBe(true);
    // A content script of ours runs in a web page: its sender URL is the page's.
    expect(isOwnPage({ id: ID, url: 'https://evil.example/', tab: { id: 3 } }, ID, BASE)).toBe(false);
    expect(isOwnPage({ id: 'other', url: BASE + 'popup.html' }, ID, BASE)).toBe(false);
    expect(isOwnPage({ id: ID }, ID, BASE)).toBe(false);
    expect(isOwnPage({ id: ID, url: BASE + 'popup.html', origin: 'https://evil.example' }, ID, BASE)).toBe(
      false,
    );
  });
});

describe('router', () => {
  const rent = vi.fn(async () => ({ id: 'r1' }));
  const handlers = {
    rent,
    getBalance: async () => {
      throw new PanelError({ kind: 'bad_key', endpoint: 'getBalance', panelText: 'Invalid API key' });
    },
  } as unknown as Handlers;
  const route = createRouter(handlers, (s) => isOwnPage(s, ID, BASE));
  const own = { id: ID, url: BASE + 'popup.html' };

  it('dispatches by type and answers {res}', async () => {
    await expect(route({ type: 'rent', data: { serviceId: 1 }, id: 5, timestamp: 1 }, own)).resolves.toEqual({
      res: { id: 'r1' },
    });
    expect(rent).toHaveBeenCalledWith({ serviceId: 1 }, own);
  });

  it('refuses a content script or web page and never calls the handler', async () => {
    rent.mockClear();
    const reply = await route(
      { type: 'rent', data: {} },
      { id: ID, url: 'https://site.example/', tab: { id: 1 } },
    );
    expect(reply).toMatchObject({ err: { code: 'forbidden' } });
    expect(rent).not.toHaveBeenCalled();
  });

  it('errors arrive with their kind and sentence', async () => {
    const reply = await route({ type: 'getBalance', data: {} }, own);
    expect(reply).toMatchObject({
      err: { name: 'PanelError', kind: 'bad_key', panelText: 'Invalid API key' },
    });
    expect((reply as { err: { message: string } }).err.message.length).toBeGreaterThan(10);
  });

  it('ignores messages that are not ours', () => {
    expect(route({ target: 'offscreen-clipboard', text: '1' }, own)).toBeUndefined();
    expect(route({ type: 'toString' }, own)).toBeUndefined();
    expect(route(null, own)).toBeUndefined();
  });
});

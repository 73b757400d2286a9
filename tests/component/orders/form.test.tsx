// One file for the order form: every service type's fields, the charge and the confirmation share one render helper.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import type { ServiceType } from '../../../utils/api/orders/types';
import type { PlaceOrderRequest, TrackedOrder } from '../../../utils/orders/types';
import { order, service } from '../../unit/orders/fixtures';
import { flush, ORIGIN, renderOrders, storeOrders, type OrdersWorld } from './renderOrders';

/** The fake background's placeOrder: stores the order, then answers its id. */
const places = (placed: TrackedOrder) => async () => {
  await storeOrders(placed);
  return { id: placed.id };
};

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const FOLLOWERS = service('default', { id: 1, name: 'Followers', rate: 0.9, dripfeed: true });
const typed = (name: string, value: string) =>
  fireEvent.input(screen.getByTestId(`order-field-${name}`), { target: { value } });
const fieldNames = () =>
  [...document.querySelectorAll('[data-testid^="order-field-"]')].map((e) => e.getAttribute('name'));
const submit = () => fireEvent.click(screen.getByTestId('order-submit'));

function openForm(svc = FOLLOWERS, world: OrdersWorld = {}, handlers = {}) {
  return renderOrders(
    {
      services: [svc, service('default', { id: 99, dripfeed: false })],
      draft: { serviceId: svc.id },
      ...world,
    },
    handlers,
  );
}

describe('the order form fits the service type', () => {
  const cases: [ServiceType, string[]][] = [
    ['default', ['link', 'quantity', 'runs', 'interval']],
    ['custom_comments', ['link', 'comments']],
    ['package', ['link']],
    ['mentions_with_hashtags', ['link', 'quantity', 'usernames', 'hashtags']],
    ['mentions_custom_list', ['link', 'usernames']],
    ['mentions_hashtag', ['link', 'quantity', 'hashtag']],
    ['mentions_user_followers', ['link', 'quantity', 'username']],
    ['mentions_media_likers', ['link', 'quantity', 'media']],
    ['comment_likes', ['link', 'quantity', 'username']],
    ['comment_replies', ['link', 'username', 'comments']],
    ['poll', ['link', 'quantity', 'answer_number']],
    ['seo', ['link', 'quantity', 'keywords']],
    ['subscriptions', ['username', 'min', 'max', 'posts', 'old_posts', 'delay', 'expiry']],
  ];
  it.each(cases)('%s shows %j', async (type, names) => {
    await openForm(service(type, { id: 7, dripfeed: true }));
    expect(fieldNames()).toEqual(names);
  });

  it('one-per-line fields are text areas; Custom Comments counts its lines as the quantity', async () => {
    await openForm(service('custom_comments', { id: 4, rate: 8, min: 1, max: 1500 }));
    expect(screen.getByTestId('order-field-comments').tagName).toBe('TEXTAREA');
    typed('comments', 'Harika\n\nSüper\n');
    expect(screen.getByText(/2 lines: the quantity is the number of lines/)).toBeTruthy();
    expect(screen.getByTestId('order-charge').textContent).toContain('$0.016');
  });

  it('a type the extension cannot order says so and offers no button', async () => {
    await openForm(service('other', { id: 8, typeText: 'Invites from Groups' }));
    expect(screen.getByText(/This service type \(Invites from Groups\) cannot be ordered/)).toBeTruthy();
    expect(screen.queryByTestId('order-submit')).toBeNull();
  });
});

describe('ordering', () => {
  it('the link defaults to the tab’s URL; the charge follows quantity and drip-feed runs', async () => {
    await openForm(FOLLOWERS, { tabUrl: 'https://instagram.com/ayse' });
    await waitFor(() =>
      expect((screen.getByTestId('order-field-link') as HTMLInputElement).value).toBe(
        'https://instagram.com/ayse',
      ),
    );
    expect(screen.getByText('Filled in from the open tab.')).toBeTruthy();
    typed('quantity', '1000');
    expect(screen.getByTestId('order-charge').textContent).toContain('$0.90');
    expect(screen.getByTestId('order-charge').textContent).toContain('after this order $99.10');
    typed('runs', '3');
    typed('interval', '15');
    expect(screen.getByTestId('order-charge').textContent).toContain('1,000 × 3 runs = 3,000');
    expect(screen.getByTestId('order-submit').textContent).toBe('Order for $2.70');
  });

  it('invalid fields give sentences and send nothing', async () => {
    const { sent } = await openForm();
    typed('link', 'not a link');
    typed('quantity', '10');
    typed('runs', '1');
    typed('interval', '5');
    submit();
    await flush();
    expect(screen.getByTestId('order-note').textContent).toBe(
      'Some fields need attention: nothing was sent.',
    );
    expect(screen.getByText(/Enter a web address/)).toBeTruthy();
    expect(screen.getByText('Too few: the minimum is 50.')).toBeTruthy();
    expect(screen.getByText('Drip-feed needs at least 2 runs.')).toBeTruthy();
    expect(screen.getByTestId('order-field-quantity').getAttribute('aria-invalid')).toBe('true');
    expect(sent('placeOrder')).toEqual([]);
  });

  it('a balance below the charge gives a sentence and sends nothing', async () => {
    const { sent } = await openForm(FOLLOWERS, { balance: { amount: 0.5, currency: 'USD' } });
    typed('link', 'https://instagram.com/x');
    typed('quantity', '1000');
    submit();
    await flush();
    expect(screen.getByTestId('order-note').textContent).toBe(
      "Your orders balance ($0.50) is lower than this order's charge ($0.90). Add funds first: nothing was sent.",
    );
    expect(sent('placeOrder')).toEqual([]);
  });

  it('asks above the set amount; "Not now" sends nothing, "Yes" sends once', async () => {
    const placed = order({ id: 9, charge: 9, origin: ORIGIN });
    const { sent } = await openForm(
      FOLLOWERS,
      { settings: { confirmOrderAbove: 5 } },
      { placeOrder: places(placed) },
    );
    typed('link', 'https://instagram.com/x');
    typed('quantity', '10000');
    submit();
    await flush();
    expect(screen.getByRole('alertdialog').textContent).toContain('Place this order for $9.00?');
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(sent('placeOrder')).toEqual([]);
    submit();
    await flush();
    fireEvent.click(screen.getByTestId('order-confirm'));
    await waitFor(() => expect(screen.getByTestId('order-placed')).toBeTruthy());
    expect(sent('placeOrder')).toHaveLength(1);
  });

  it('one click sends one placeOrder with a fresh requestId; the new order shows with its charge', async () => {
    let release!: () => void;
    const placed = order({ id: 23501, charge: 0.9, origin: ORIGIN, serviceName: 'Followers' });
    const { sent, items } = await openForm(
      FOLLOWERS,
      {},
      {
        placeOrder: () => new Promise((r) => (release = () => void places(placed)().then(r))),
      },
    );
    typed('link', 'https://instagram.com/x');
    typed('quantity', '1000');
    submit();
    await flush();
    // While it is in flight the button is disabled and a second click sends nothing.
    expect(screen.getByTestId('order-submit').hasAttribute('disabled')).toBe(true);
    submit();
    await waitFor(async () => expect((await items.draft.getValue()).pendingRequestId).toBe('req-1'));
    release();
    await waitFor(() => expect(screen.getByTestId('order-placed')).toBeTruthy());
    expect(sent('placeOrder') as PlaceOrderRequest[]).toEqual([
      { requestId: 'req-1', service: 1, values: { link: 'https://instagram.com/x', quantity: '1000' } },
    ]);
    expect(screen.getByTestId('order-placed').textContent).toContain('Order #23501 placed for $0.90.');
    expect(screen.getByTestId('order-card').textContent).toContain('Charge $0.90');
    await waitFor(async () =>
      expect(await items.draft.getValue()).toMatchObject({
        pendingRequestId: null,
        values: { link: 'https://instagram.com/x' },
      }),
    );
  });

  it('an ambiguous failure says the order may have been charged, with no retry', async () => {
    await openForm(
      FOLLOWERS,
      {},
      {
        placeOrder: async () => {
          throw new PanelError({ kind: 'timeout', endpoint: 'add', mayHaveCharged: true });
        },
      },
    );
    typed('link', 'https://instagram.com/x');
    typed('quantity', '1000');
    submit();
    await waitFor(() =>
      expect(screen.getByTestId('order-note').textContent).toContain('may have been placed and charged'),
    );
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('a panel refusal shows the panel’s words', async () => {
    await openForm(
      FOLLOWERS,
      {},
      {
        placeOrder: async () => {
          throw new PanelError({
            kind: 'insufficient_funds',
            endpoint: 'add',
            panelText: 'Not enough funds on balance',
          });
        },
      },
    );
    typed('link', 'https://instagram.com/x');
    typed('quantity', '1000');
    submit();
    await waitFor(() =>
      expect(screen.getByTestId('order-note').textContent).toContain('“Not enough funds on balance”'),
    );
  });

  it('the form survives closing the popup, and an order cut off by a close learns its outcome', async () => {
    const first = await openForm(FOLLOWERS);
    typed('link', 'https://instagram.com/x');
    typed('quantity', '777');
    await first.store.flushDraft();
    const saved = await first.items.draft.getValue();
    cleanup();
    await first.store.dispose();
    const second = await renderOrders({ services: [FOLLOWERS], draft: saved });
    expect((screen.getByTestId('order-field-quantity') as HTMLInputElement).value).toBe('777');
    cleanup();
    await second.store.dispose();

    const placed = order({ id: 31, origin: ORIGIN });
    const { sent } = await renderOrders(
      { services: [FOLLOWERS], draft: { ...saved, pendingRequestId: 'req-old' } },
      { placeOrder: places(placed) },
    );
    await waitFor(() =>
      expect(sent('placeOrder')).toEqual([{ requestId: 'req-old', service: 1, values: saved.values }]),
    );
    await waitFor(() => expect(screen.getByTestId('order-placed')).toBeTruthy());
  });

  it('speaks Turkish', async () => {
    await openForm(FOLLOWERS, { lang: 'tr', balance: { amount: 100, currency: 'TRY' } });
    typed('quantity', '1000');
    expect(screen.getByText('Miktar')).toBeTruthy();
    expect(screen.getByTestId('order-submit').textContent).toMatch(/0,90.*karşılığında sipariş ver/);
    submit();
    await flush();
    expect(screen.getByTestId('order-note').textContent).toBe(
      'Bazı alanlar düzeltilmeli: hiçbir şey gönderilmedi.',
    );
  });
});

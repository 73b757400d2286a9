// @vitest-environment node
// The orders client against the sandbox answering as the common panel scripts do: their texts with their
// HTTP statuses, and their `add` checks (a package sent without quantity).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PanelErrorKind } from '../../../utils/api/errors.ts';
import { createOrdersApi } from '../../../utils/api/orders/index.ts';
import { validateOrder } from '../../../utils/orders/validate.ts';
import { SCRIPT_ANSWERS } from '../../sandbox/faults';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { ScriptAnswer } from '../../sandbox/types';
import { failure } from './leak.ts';

const KEY = 'scr/Ä+key 9&x=1';
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ key: KEY });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.reset();
  sandbox.setBalance(1000);
});

const api = () => createOrdersApi({ origin: sandbox.url, getKey: () => KEY, sleep: async () => {} });
const LINK = 'https://instagram.com/p/pkg';

const EXPECTED: Record<ScriptAnswer, { kind: PanelErrorKind; status: number; text: string }> = {
  wrongKeySmart: {
    kind: 'bad_key',
    status: 200,
    text: 'API is Disable for this user or User Not Found! Contact the Support',
  },
  wrongKeySmartTr: {
    kind: 'bad_key',
    status: 200,
    text: 'API bu kullanıcı için Devre Dışı Bırak veya Kullanıcı Bulunamadı! Destek ile iletişime geçin',
  },
  suspended: { kind: 'bad_key', status: 401, text: 'Your account has been suspended.' },
  fundsRaw: { kind: 'insufficient_funds', status: 200, text: 'neworder.error.not_enough_funds' },
  fundsTr: { kind: 'insufficient_funds', status: 200, text: 'Hesapta Yeterli Bakiyeniz Yok' },
  funds422: { kind: 'insufficient_funds', status: 422, text: 'Not enough funds on balance' },
  badLink422: { kind: 'invalid_input', status: 422, text: 'Bad link' },
  invalidLinkTr: { kind: 'invalid_input', status: 200, text: 'Geçersiz Link' },
  minQuantity422: { kind: 'invalid_input', status: 422, text: 'Quantity less than minimal 50' },
  quantityRequired: { kind: 'invalid_input', status: 200, text: 'Quantity is required' },
  minimumAmount: {
    kind: 'invalid_input',
    status: 200,
    text: 'Quantity must to be greater than or equal to minimum amount 1',
  },
  serviceDisabled: { kind: 'service_disabled', status: 200, text: 'Service is disabled' },
  activeOrder422: {
    kind: 'active_order',
    status: 422,
    text: 'You have active order with this link. Please wait until order being completed.',
  },
  csrf419: { kind: 'refused', status: 419, text: 'Page Expired' },
  firewall403: {
    kind: 'refused',
    status: 403,
    text: 'Sorry, you have been blocked. This website is using a security service to protect itself from online attacks.',
  },
  csrfJson403: { kind: 'refused', status: 403, text: 'CSRF token mismatch.' },
};

describe('script-worded answers become the right kind, with the panel words as text', () => {
  it('covers every answer the sandbox can give', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(SCRIPT_ANSWERS).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (answer, { kind, status, text }) => {
    sandbox.injectFault('add', { type: 'script', answer: answer as ScriptAnswer });
    const e = await failure(() => api().add({ service: 1, link: LINK, quantity: 100 }));
    expect(e).toMatchObject({ kind, status, panelText: text, mayHaveCharged: false });
    expect(sandbox.requests.at(-1)?.status).toBe(status);
    // A refused add took nothing.
    expect(sandbox.balance()).toBe(1000);
  });
});

describe('a Package as the common scripts check it', () => {
  it("the 'smart' script refuses a package sent without quantity, and with quantity 0", async () => {
    sandbox.setOrderDialect('smart');
    expect(await failure(() => api().add({ service: 5, link: LINK }))).toMatchObject({
      kind: 'invalid_input',
      panelText: 'Quantity is required',
    });
    expect(await failure(() => api().add({ service: 5, link: LINK, quantity: 0 }))).toMatchObject({
      kind: 'invalid_input',
      panelText: 'Quantity must to be greater than or equal to minimum amount 1',
    });
  });

  it.each(['perfect', 'smart', 'laravel'] as const)(
    "the order form's parameters place a package on a '%s' script for one package price",
    async (dialect) => {
      sandbox.setOrderDialect(dialect);
      const service = (await api().services()).find((s) => s.id === 5)!;
      const check = validateOrder(service, { link: LINK }, false);
      if (!check.ok) throw new Error(JSON.stringify(check.errors));
      const { orderId } = await api().add(check.order.params);
      const placed = sandbox.orders().find((o) => o.id === orderId)!;
      expect(placed.params).toMatchObject({ link: LINK, quantity: '1' });
      expect(placed.charge).toBe(3.5);
      expect(sandbox.balance()).toBe(1000 - 3.5);
    },
  );

  it("the 'laravel' script answers a second running order on a link with 422 'active order'", async () => {
    sandbox.setOrderDialect('laravel');
    await api().add({ service: 1, link: LINK, quantity: 100 });
    expect(await failure(() => api().add({ service: 1, link: LINK, quantity: 100 }))).toMatchObject({
      kind: 'active_order',
      status: 422,
    });
  });
});

describe('control surface', () => {
  const post = (name: string, body: unknown) =>
    fetch(`${sandbox.url}/_sandbox/${name}`, { method: 'POST', body: JSON.stringify(body) });

  it('sets the order dialect and injects a script answer over HTTP; refuses unknown ones', async () => {
    expect((await post('order-dialect', { dialect: 'smart' })).status).toBe(200);
    expect(await failure(() => api().add({ service: 5, link: LINK }))).toMatchObject({
      panelText: 'Quantity is required',
    });
    expect((await post('order-dialect', { dialect: 'other' })).status).toBe(400);
    const fault = { endpoint: 'balance', fault: { type: 'script', answer: 'wrongKeySmart' } };
    expect((await post('fault', fault)).status).toBe(200);
    expect(await failure(() => api().balance())).toMatchObject({ kind: 'bad_key' });
    expect((await post('fault', { ...fault, fault: { type: 'script', answer: 'nope' } })).status).toBe(400);
  });
});

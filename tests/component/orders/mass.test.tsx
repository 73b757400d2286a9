import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportCsvButton } from '../../../components/ExportCsvButton';
import { I18nContext } from '../../../components/I18n';
import { MassBody } from '../../../components/orders/MassOrderView';
import type { Balance } from '../../../utils/api/balance';
import { createMassStore } from '../../../utils/orders/massStore';
import type { MassBatch } from '../../../utils/orders/types';
import { ordersItem } from '../../../utils/storage';
import { fakeItem } from '../../fakes/storage';
import { order, service, translator } from '../../unit/orders/fixtures';

afterEach(cleanup);

const services = [service('default', { id: 3, rate: 0.28, min: 20, max: 20_000, name: 'Followers' })];
const GOOD = '3 | https://instagram.com/a | 100\n3 | https://instagram.com/b | 200';

function setup(balance: Balance | null = { amount: 10, currency: 'USD' }) {
  const batch = fakeItem<MassBatch | null>('massOrder', null);
  const text = signal('');
  const send = vi.fn(async () => ({ ok: true }) as const);
  const store = createMassStore({
    send: send as never,
    services: signal(services),
    balance: signal(balance),
    batch,
    text,
    setText: (v) => (text.value = v),
    newBatchId: () => 'batch-1',
  });
  render(
    <I18nContext.Provider value={{ t: translator('en'), locale: 'en-US' }}>
      <MassBody store={store} />
    </I18nContext.Provider>,
  );
  const type = (v: string) => fireEvent.input(screen.getByTestId('mass-text'), { target: { value: v } });
  return { store, send, batch, type };
}

describe('the mass-order view', () => {
  it('shows each refused line’s reasons beside its number and sends nothing', async () => {
    const { send, type } = setup();
    type('3 | https://instagram.com/a | 100\n\nfoo | x\n3 | nolink | 5');
    fireEvent.click(screen.getByTestId('mass-submit'));
    const errors = await screen.findAllByTestId('mass-line-error');
    expect(errors.map((e) => e.getAttribute('data-line'))).toEqual(['3', '4']);
    expect(errors[0]!.textContent).toContain('must be a service id');
    expect(errors[1]!.textContent).toContain('Too few: the minimum is 20.');
    expect(screen.getByTestId('mass-note').textContent).toContain('nothing was sent');
    expect(send).not.toHaveBeenCalled();
  });

  it('a total over the balance is refused before any question', async () => {
    const { send, type } = setup({ amount: 0.05, currency: 'USD' });
    type(GOOD);
    fireEvent.click(screen.getByTestId('mass-submit'));
    expect((await screen.findByTestId('mass-note')).textContent).toContain('lower than the total ($0.084)');
    expect(screen.queryByTestId('mass-confirm')).toBeNull();
    expect(send).not.toHaveBeenCalled();
  });

  it('one confirmation with the total, line count and balance after; a double click sends one batch', async () => {
    const { send, type } = setup();
    type(GOOD);
    expect(screen.getByTestId('mass-summary').textContent).toContain('2 orders, total $0.084');
    fireEvent.click(screen.getByTestId('mass-submit'));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toBe(
      'Place 2 orders for $0.084? The balance after them: $9.916.Yes, place themNot now',
    );
    fireEvent.click(screen.getByTestId('mass-confirm'));
    fireEvent.click(screen.getByTestId('mass-submit'));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send).toHaveBeenCalledWith('startMassOrder', {
      batchId: 'batch-1',
      text: GOOD,
      total: 0.084,
      balance: 10,
    });
  });

  it('a stopped batch: each line’s state, the panel’s words, and a retry only on the person’s click', async () => {
    const { send, batch } = setup();
    const line = { service: 3, serviceName: 'Followers', values: { link: 'https://i.com/a' }, charge: 0.028 };
    await batch.setValue({
      id: 'b',
      origin: '',
      createdAt: 0,
      state: 'stopped',
      total: 0.084,
      balanceBefore: 10,
      balanceAfter: null,
      balanceAt: null,
      lines: [
        { ...line, line: 1, text: '', requestId: 'b:0', state: 'placed', orderId: 501, error: null },
        {
          ...line,
          line: 2,
          text: '',
          requestId: 'b:1',
          state: 'failed',
          orderId: null,
          error: {
            name: 'PanelError',
            kind: 'invalid_input',
            mayHaveCharged: false,
            panelText: 'Bad link',
            endpoint: 'add',
            message: '',
          },
        },
        { ...line, line: 3, text: '', requestId: 'b:2', state: 'not_sent', orderId: null, error: null },
      ],
    });
    const rows = await screen.findAllByTestId('mass-result');
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['placed', 'failed', 'not_sent']);
    expect(rows[0]!.textContent).toContain('Placed: order #501');
    expect(screen.getByTestId('mass-result-error').textContent).toContain('Bad link');
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('mass-retry'));
    await waitFor(() => expect(send).toHaveBeenCalledWith('retryMassOrder', { batchId: 'b' }));
  });
});

describe('the export button', () => {
  it('downloads the stored orders as a CSV file named for today', async () => {
    await ordersItem.setValue([order({ id: 23501 })]);
    const clicks: { name: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push({ name: this.download, href: this.href });
    });
    const blobs: Blob[] = [];
    const create = vi
      .spyOn(URL, 'createObjectURL')
      .mockImplementation((b) => (blobs.push(b as Blob), 'blob:x'));
    render(
      <I18nContext.Provider value={{ t: translator('tr'), locale: 'tr-TR' }}>
        <ExportCsvButton what="orders" />
      </I18nContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Siparişleri dışa aktar (CSV)' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0]!.name).toMatch(/^sms-panel-orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.split('\r\n')[0]).toBe('Tarih,Servis,Link,Miktar,Tutar,Durum,Sipariş no');
    expect(text).toContain(',23501\r\n');
    click.mockRestore();
    create.mockRestore();
  });
});

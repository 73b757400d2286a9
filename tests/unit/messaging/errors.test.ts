import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../../utils/api/errors';
import { sendMessage } from '../../../utils/messaging/client';
import { MessageError } from '../../../utils/messaging/errors';
import { createRouter, type Handlers } from '../../../utils/messaging/router';
import { canRetry, errorText, fillReasonText } from '../../../utils/stores/errors';
import { catalogs, createT } from '../../i18n';
import { sendAsOwnPage } from '../background/wire';

const en = createT('en');
const tr = createT('tr');
const sentence = (lang: 'en' | 'tr', key: string) => catalogs[lang][key]!.message;

describe('MessageError', () => {
  it('holds a code and its params; its message is the code for logs, never a sentence', () => {
    const e = new MessageError('order_not_found', { id: 5 });
    expect(e.code).toBe('order_not_found');
    expect(e.params).toEqual({ id: 5 });
    expect(e.message).toBe('order_not_found (id=5)');
    expect(new MessageError('no_field').message).toBe('no_field');
    expect(e.name).toBe('MessageError');
  });

  it('rebuilds from the wire; an unknown code becomes failed', () => {
    const back = MessageError.fromJSON(
      JSON.parse(JSON.stringify(new MessageError('order_not_found', { id: 7 }))),
    );
    expect(back).toMatchObject({ code: 'order_not_found', params: { id: 7 } });
    expect(MessageError.fromJSON({ code: 'The extension exploded.' }).code).toBe('failed');
  });
});

describe('errorText', () => {
  it('says a MessageError in the page language, with its params', () => {
    expect(errorText(new MessageError('no_field'), tr)).toBe(sentence('tr', 'err_no_field'));
    expect(errorText(new MessageError('order_not_found', { id: 42 }), tr)).toBe(
      sentence('tr', 'err_order_not_found').replace('{id}', '42'),
    );
    expect(errorText(new MessageError('bad_origin'), en)).toBe(sentence('en', 'err_bad_origin'));
  });

  it('never shows an English text that came with an error: unknown codes and plain errors are generic', () => {
    const foreign = Object.assign(new Error('Order 5 is not in the list.'), { code: 'no_such_code' });
    expect(errorText(foreign, tr)).toBe(sentence('tr', 'ui_err_generic'));
    expect(errorText(new Error('Nothing to fill.'), tr)).toBe(sentence('tr', 'ui_err_generic'));
    expect(errorText('boom', tr)).toBe(sentence('tr', 'ui_err_generic'));
  });

  it('says a panel error by kind', () => {
    expect(errorText(new PanelError({ kind: 'timeout', endpoint: 'status' }), tr)).toBe(
      sentence('tr', 'error_timeout'),
    );
  });

  it('keeps "Try again" away from a refused sender', () => {
    expect(canRetry(new MessageError('forbidden'))).toBe(false);
    expect(canRetry(new MessageError('no_answer'))).toBe(true);
  });
});

describe('fillReasonText', () => {
  it('gives the catalogue sentence for the content script reason', () => {
    expect(fillReasonText('fillCode', 'length_mismatch', tr)).toBe(sentence('tr', 'err_length_mismatch'));
    expect(fillReasonText('fillCode', 'not_accepted', tr)).toBe(sentence('tr', 'err_not_accepted'));
    expect(fillReasonText('fillCode', 'no_field', tr)).toBe(sentence('tr', 'err_no_field'));
    expect(fillReasonText('fillCode', undefined, tr)).toBe(sentence('tr', 'err_no_field'));
    expect(fillReasonText('fillNumber', 'no_field', tr)).toBe(sentence('tr', 'err_no_phone_field'));
  });
});

describe('the wire between background and page', () => {
  const handlers = {
    cancelOrder: async () => {
      throw new MessageError('order_not_found', { id: 9 });
    },
    refreshOrders: async () => {
      throw new Error('Cannot read properties of undefined');
    },
  } as unknown as Handlers;

  beforeEach(() => {
    fakeBrowser.reset();
    const route = createRouter(handlers, () => true);
    fakeBrowser.runtime.onMessage.addListener(route as never);
    sendAsOwnPage();
  });
  afterEach(() => fakeBrowser.reset());

  it('carries code and params, and sendMessage rebuilds the MessageError', async () => {
    const err = await sendMessage('cancelOrder', { id: 9 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MessageError);
    expect(err).toMatchObject({ code: 'order_not_found', params: { id: 9 } });
    expect(errorText(err, tr)).toBe(sentence('tr', 'err_order_not_found').replace('{id}', '9'));
  });

  it("turns a bug's English text into the code failed, so it never reaches a person", async () => {
    const err = await sendMessage('refreshOrders', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'failed' });
    const reply = await createRouter(handlers, () => true)({ type: 'refreshOrders', data: {} }, {});
    expect(reply).toEqual({ err: { name: 'MessageError', code: 'failed', message: 'failed' } });
    expect(errorText(err, tr)).toBe(sentence('tr', 'err_failed'));
  });
  it("turns the browser's error for a worker stopped mid-message into the code no_answer", async () => {
    const runtime = fakeBrowser.runtime as unknown as { sendMessage: () => Promise<unknown> };
    runtime.sendMessage = () =>
      Promise.reject(new Error('A listener indicated an asynchronous response by returning true'));
    const err = await sendMessage('refreshOrders', {}).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'MessageError', code: 'no_answer' });
    expect(errorText(err, tr)).toBe(sentence('tr', 'err_no_answer'));
  });
});

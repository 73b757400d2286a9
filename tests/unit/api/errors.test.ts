import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import tr from '../../../public/_locales/tr/messages.json';
import {
  classifyPanelText,
  errorSentence,
  isPanelError,
  PanelError,
  redactSecret,
  toPanelError,
  type PanelErrorKind,
} from '../../../utils/api/errors.ts';
import { createT } from '../../i18n';

describe('classifyPanelText', () => {
  const cases: [string, PanelErrorKind][] = [
    ['Invalid API key', 'bad_key'],
    ['Incorrect API key', 'bad_key'],
    ['Hatalı API anahtarı', 'bad_key'],
    ['HATALI API ANAHTARI', 'bad_key'],
    ['API anahtarınız geçersiz', 'bad_key'],
    ['key.invalid', 'bad_key'],
    ['error.key_invalid', 'bad_key'],
    ['Unauthorized', 'bad_key'],
    ['Not enough funds on balance', 'insufficient_funds'],
    ['Yetersiz bakiye', 'insufficient_funds'],
    ['Bakiyeniz yetersiz.', 'insufficient_funds'],
    ['neworder.error.not_enough_funds', 'insufficient_funds'],
    ['notEnoughFunds', 'insufficient_funds'],
    ['Insufficient balance', 'insufficient_funds'],
    ['Stokta numara yok', 'out_of_stock'],
    ['no numbers available', 'out_of_stock'],
    ['NO_NUMBERS', 'out_of_stock'],
    ['Out of stock', 'out_of_stock'],
    ['Numara kalmadı', 'out_of_stock'],
    ['Incorrect order ID', 'not_found'],
    ['Hatalı sipariş ID', 'not_found'],
    ['Order not found', 'not_found'],
    ['Numara bulunamadı', 'not_found'],
    ['Incorrect refill ID', 'not_found'],
    ['Quantity less than minimal 50', 'invalid_input'],
    ['Incorrect service ID', 'invalid_input'],
    ['Hatalı servis ID', 'invalid_input'],
    ['link', 'invalid_input'],
    ['Incorrect request', 'invalid_input'],
    ['Miktar en az 100 olmalı', 'invalid_input'],
    ['Too many orders: at most 100 per request', 'invalid_input'],
    ['Too Many Attempts.', 'rate_limited'],
    ['Rate limit exceeded', 'rate_limited'],
    ['Çok fazla istek gönderdiniz', 'rate_limited'],
    ['Site bakımda', 'unavailable'],
    ['Service temporarily unavailable', 'unavailable'],
    ['Something odd happened', 'unexpected'],
    ['', 'unexpected'],
    ['   ', 'unexpected'],
  ];
  it.each(cases)('%j → %s', (text, kind) => {
    expect(classifyPanelText(text)).toBe(kind);
  });

  it('does not take "keywords" for an API key', () => {
    expect(classifyPanelText('Invalid keywords')).toBe('invalid_input');
  });
});

describe('redactSecret', () => {
  const key = 'ab/c+d e?f';

  it('replaces the raw key, its URL-encoded and its form-encoded forms', () => {
    const text = `raw ${key} url ${encodeURIComponent(key)} form ${new URLSearchParams({ key }).toString()}`;
    const out = redactSecret(text, key);
    expect(out).not.toContain(key);
    expect(out).not.toContain(encodeURIComponent(key));
    expect(out).not.toContain('ab%2Fc%2Bd+e%3Ff');
    expect(out.match(/\*\*\*/g)).toHaveLength(3);
  });

  it('leaves text alone without a secret', () => {
    expect(redactSecret('hello', undefined)).toBe('hello');
    expect(redactSecret('hello', '')).toBe('hello');
  });
});

describe('PanelError', () => {
  it('has a log message (kind, endpoint, status), never a sentence; the sentence quotes the panel', () => {
    const e = new PanelError({
      kind: 'bad_key',
      endpoint: 'balance',
      status: 401,
      panelText: 'Hatalı API anahtarı',
    });
    expect(e.message).toBe('bad_key from balance, HTTP 401');
    expect(errorSentence(e, createT('en'))).toBe(
      `${en.error_bad_key.message} The panel said: “Hatalı API anahtarı”`,
    );
    expect(e.name).toBe('PanelError');
    expect(e).toBeInstanceOf(Error);
    expect(isPanelError(e)).toBe(true);
  });

  it('warns that a spending call may have been charged', () => {
    const e = new PanelError({ kind: 'timeout', endpoint: 'getNumber', mayHaveCharged: true });
    expect(e.message).toBe('timeout from getNumber, may have charged');
    expect(errorSentence(e, createT('en'))).toBe(
      `${en.error_timeout.message} ${en.error_may_have_charged.message}`,
    );
  });

  it('round-trips through JSON', () => {
    const e = new PanelError({
      kind: 'rate_limited',
      endpoint: 'status',
      status: 429,
      retryAfterMs: 2000,
      panelText: 'Too Many Attempts.',
      cause: new Error('inner'),
    });
    const json = JSON.parse(JSON.stringify(e));
    expect(json).toEqual({
      name: 'PanelError',
      kind: 'rate_limited',
      message: e.message,
      status: 429,
      retryAfterMs: 2000,
      panelText: 'Too Many Attempts.',
      mayHaveCharged: false,
      endpoint: 'status',
    });
    const back = PanelError.fromJSON(json);
    expect(back).toBeInstanceOf(PanelError);
    expect(back.toJSON()).toEqual(json);
  });

  it('turns an unknown kind from another context into unexpected', () => {
    const back = PanelError.fromJSON({
      name: 'PanelError',
      kind: 'weird' as PanelErrorKind,
      message: 'm',
      mayHaveCharged: false,
      endpoint: 'x',
    });
    expect(back.kind).toBe('unexpected');
    expect(back.message).toBe('unexpected from x');
  });

  it('is not confused with other errors', () => {
    expect(isPanelError(new Error('x'))).toBe(false);
    expect(isPanelError({ name: 'PanelError', kind: 'timeout' })).toBe(false);
  });
});

describe('errorSentence', () => {
  it('builds the Turkish sentence with the money warning and the panel text', () => {
    const e = new PanelError({
      kind: 'unavailable',
      endpoint: 'add',
      mayHaveCharged: true,
      panelText: 'Bakım',
    });
    const s = errorSentence(e, createT('tr'));
    expect(s).toContain(tr.error_unavailable.message);
    expect(s).toContain(tr.error_may_have_charged.message);
    expect(s).toContain('Panelin yanıtı: “Bakım”');
  });

  it('works on the serialized form and leaves out what is absent', () => {
    const s = errorSentence(
      { kind: 'insufficient_funds', mayHaveCharged: false, panelText: undefined },
      createT('en'),
    );
    expect(s).toBe(en.error_insufficient_funds.message);
  });
});

describe('the error messages in _locales', () => {
  const keys = [
    'error_bad_key',
    'error_insufficient_funds',
    'error_out_of_stock',
    'error_invalid_input',
    'error_not_found',
    'error_rate_limited',
    'error_unavailable',
    'error_network',
    'error_timeout',
    'error_unexpected',
    'error_may_have_charged',
    'error_panel_said',
  ];
  it.each(keys)('%s is in English and Turkish, different, without "$"', (key) => {
    const e = (en as Record<string, { message: string }>)[key]?.message;
    const t = (tr as Record<string, { message: string }>)[key]?.message;
    expect(e).toBeTruthy();
    expect(t).toBeTruthy();
    expect(t).not.toBe(e);
    expect(`${e}${t}`).not.toContain('$');
  });

  it('has the {text} placeholder in the panel-said sentence', () => {
    expect(en.error_panel_said.message).toContain('{text}');
    expect(tr.error_panel_said.message).toContain('{text}');
  });
});

describe('toPanelError', () => {
  const key = 'SECRET-KEY-123';

  it('keeps a PanelError as it is', () => {
    const e = new PanelError({ kind: 'not_found', endpoint: 'status' });
    expect(toPanelError(e, 'other')).toBe(e);
  });

  it('rebuilds a serialized PanelError', () => {
    const json = new PanelError({ kind: 'network', endpoint: 'balance' }).toJSON();
    const e = toPanelError(json, 'x');
    expect(e).toBeInstanceOf(PanelError);
    expect(e.kind).toBe('network');
    expect(e.endpoint).toBe('balance');
  });

  it('maps aborts to timeout and fetch failures to network', () => {
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect(toPanelError(abort, 'x').kind).toBe('timeout');
    expect(toPanelError(new TypeError('fetch failed'), 'x').kind).toBe('network');
    expect(toPanelError('weird', 'x').kind).toBe('unexpected');
    expect(toPanelError(new RangeError('boom'), 'x').kind).toBe('unexpected');
  });

  it('keeps a redacted copy of the cause chain', () => {
    const inner = new Error(`connect to /api/v1/${key}/getBalance failed`);
    const outer = new TypeError(`fetch failed for ${encodeURIComponent(key)}`, { cause: inner });
    const e = toPanelError(outer, 'getBalance', key);
    expect(e.kind).toBe('network');
    const cause = e.cause as Error;
    expect(cause.message).toBe('fetch failed for ***');
    expect((cause.cause as Error).message).toBe('connect to /api/v1/***/getBalance failed');
    expect(JSON.stringify([e, cause.stack, (cause.cause as Error).stack])).not.toContain(key);
  });
});

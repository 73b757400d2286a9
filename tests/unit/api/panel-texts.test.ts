// The error texts of the common SMM panel scripts, as their /api/v2 answers and translation tables word
// them (English, the scripts' own Turkish translations, and raw keys), each with the kind it must get.
import { describe, expect, it } from 'vitest';
import { interpretAnswer } from '../../../utils/api/answer.ts';
import {
  classifyPanelText,
  htmlSummary,
  PanelError,
  type PanelErrorKind,
} from '../../../utils/api/errors.ts';

const TEXTS: Record<string, [string, PanelErrorKind][]> = {
  'wrong key': [
    ['API is Disable for this user or User Not Found! Contact the Support', 'bad_key'],
    [
      'API bu kullanıcı için Devre Dışı Bırak veya Kullanıcı Bulunamadı! Destek ile iletişime geçin',
      'bad_key',
    ],
    ['Invalid API key', 'bad_key'],
    ['invalid API key', 'bad_key'],
    ['Incorrect API key', 'bad_key'],
    ['Wrong API Key', 'bad_key'],
    ['Geçersiz API anahtarı', 'bad_key'],
    ['error.incorrect_key', 'bad_key'],
    ['Your account has been suspended.', 'bad_key'],
    ['Hesabınız askıya alındı', 'bad_key'],
    ['Unauthenticated.', 'bad_key'],
  ],
  'not enough funds': [
    ['Not enough funds on balance', 'insufficient_funds'],
    ['Hesapta Yeterli Bakiyeniz Yok', 'insufficient_funds'],
    ['neworder.error.not_enough_funds', 'insufficient_funds'],
    ['You do not have enough funds to Place order', 'insufficient_funds'],
    ['Sipariş vermek için yeterli paranız yok', 'insufficient_funds'],
    ['Order amount exceeds available funds!', 'insufficient_funds'],
    ['Bakiyeniz yetersiz.', 'insufficient_funds'],
  ],
  'invalid link': [
    ['Invalid Link', 'invalid_input'],
    ['Geçersiz Link', 'invalid_input'],
    ['Bad link', 'invalid_input'],
    ['Bad Link', 'invalid_input'],
    ['neworder.error.link', 'invalid_input'],
    ['Link is required', 'invalid_input'],
    ['Bağlantı gerekli', 'invalid_input'],
  ],
  'min/max quantity': [
    ['Quantity less than minimal 50', 'invalid_input'],
    ['Quantity more than maximum 10000', 'invalid_input'],
    ['Quantity less than maximum 10000', 'invalid_input'],
    ['Quantity must to be greater than or equal to minimum amount 1', 'invalid_input'],
    ['Quantity must to be less than or equal to maximum amount 1', 'invalid_input'],
    ['Miktar minimum miktara eşit veya daha büyük olmalıdır 1', 'invalid_input'],
    ['Miktar, maksimum miktara eşit veya daha küçük olmalıdır 1', 'invalid_input'],
    ['Order amount exceeds available minimum or maximum!', 'invalid_input'],
    ['neworder.error.min_quantity', 'invalid_input'],
    ['neworder.error.max_quantity', 'invalid_input'],
    ['Quantity is required', 'invalid_input'],
    ['Miktar gereklidir', 'invalid_input'],
  ],
  'missing or wrong parameters': [
    ['There are missing required parameters. Please check your API Manual', 'invalid_input'],
    ['Gerekli parametreler eksik. Lütfen API Kılavuzunuzu kontrol edin', 'invalid_input'],
    ['Order ID is required parameter. Please check your API Manual', 'invalid_input'],
    ['This action is Invalid', 'invalid_input'],
    ['Bu işlem geçersiz', 'invalid_input'],
    ['Incorrect request', 'invalid_input'],
    ['Service ID does not exists', 'invalid_input'],
    ['Servis Kimliği Yok', 'invalid_input'],
    ['Incorrect service ID', 'invalid_input'],
    ['neworder.error.incorrect_service_id', 'invalid_input'],
    ['Comments field is required', 'invalid_input'],
    ['Yorumlar alanı zorunludur', 'invalid_input'],
    ['Username field is required', 'invalid_input'],
    ['Hashtag alanı zorunludur', 'invalid_input'],
    ['Incorrect delay', 'invalid_input'],
    ['Yanlış gecikme', 'invalid_input'],
    ['Min cannot be higher than Max', 'invalid_input'],
    ['Interval time is required', 'invalid_input'],
    ['Runs is required', 'invalid_input'],
    ['This services does not support Dripfeed feature!', 'invalid_input'],
  ],
  'unknown order': [
    ['Incorrect order ID', 'not_found'],
    ['Yanlış Sipariş Kimliği (ID)', 'not_found'],
    ['Refill not found', 'not_found'],
  ],
  'disabled service': [
    ['Service is disabled', 'service_disabled'],
    ['This service is disabled', 'service_disabled'],
    ['Service disabled', 'service_disabled'],
    ['Service is not active', 'service_disabled'],
    ['Refill is disabled for this service', 'invalid_input'],
    ['Servis devre dışı', 'service_disabled'],
    ['Bu servis şu anda kapalı', 'service_disabled'],
    ['Servis aktif değil', 'service_disabled'],
    ['neworder.error.service_disabled', 'service_disabled'],
  ],
  'active order with this link': [
    ['You have active order with this link. Please wait until order being completed.', 'active_order'],
    ['You have active order with this link.', 'active_order'],
    ['neworder.error.link_duplicate', 'active_order'],
    ['Bu bağlantı için aktif bir siparişiniz var. Lütfen tamamlanmasını bekleyin.', 'active_order'],
  ],
  'rate limit': [
    ['Too Many Attempts.', 'rate_limited'],
    ['Too many requests', 'rate_limited'],
    ['Rate limit exceeded', 'rate_limited'],
    ['You have reached the request limit', 'rate_limited'],
    ['Çok fazla istek gönderdiniz', 'rate_limited'],
  ],
  'firewall words': [
    ['CSRF token mismatch.', 'refused'],
    ['Invalid CSRF token', 'refused'],
    ['Page Expired', 'refused'],
  ],
};

describe.each(Object.entries(TEXTS))('the common scripts: %s', (_family, cases) => {
  it.each(cases)('%j → %s', (text, kind) => {
    expect(classifyPanelText(text)).toBe(kind);
  });
});

const REQ = { endpoint: 'balance', path: '/api/v2' };
const html = (body: string) =>
  `<!DOCTYPE html><html><head><title>Error</title></head><body>${body}</body></html>`;
function answer(status: number, body: string): PanelError {
  try {
    interpretAnswer(REQ, 'KEY-123', status, new Headers(), body);
  } catch (e) {
    return e as PanelError;
  }
  throw new Error('expected a PanelError');
}

describe('HTTP 401/403', () => {
  it.each([
    [
      'a firewall page',
      html(
        '<h1>Sorry, you have been blocked</h1><p>This website is using a security service. Please wait.</p>',
      ),
    ],
    ['a CSRF page', html('<h1>419</h1><p>Page Expired</p>')],
    [
      'a bare forbidden page',
      '<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1></body></html>',
    ],
    ['an "access denied" page', html('<h1>Access denied</h1><p>Your IP address has been blocked.</p>')],
    ['a plain text body', 'Forbidden'],
  ])('%s is "the panel refused the request", not a wrong key', (_name, body) => {
    expect(answer(403, body).kind).toBe('refused');
    expect(answer(401, body).kind).toBe('refused');
  });

  it('an HTML page whose words say the key is wrong is a wrong key', () => {
    expect(answer(401, html('<h1>Invalid API key</h1>')).kind).toBe('bad_key');
    expect(
      answer(403, html('<p>API is Disable for this user or User Not Found! Contact the Support</p>')).kind,
    ).toBe('bad_key');
  });

  it("the panel's own JSON refusal is a wrong key unless its words say otherwise", () => {
    expect(answer(401, '{"error":"Your account has been suspended."}').kind).toBe('bad_key');
    expect(answer(403, '{}').kind).toBe('bad_key');
    expect(answer(403, '{"message":"CSRF token mismatch."}').kind).toBe('refused');
  });

  it('a refused spending call has not charged (the request never reached the panel)', () => {
    const e = (() => {
      try {
        interpretAnswer(
          { ...REQ, endpoint: 'add', spends: true },
          'k',
          403,
          new Headers(),
          html('<h1>Blocked</h1>'),
        );
      } catch (err) {
        return err as PanelError;
      }
    })();
    expect(e).toMatchObject({ kind: 'refused', mayHaveCharged: false });
  });
});

describe('htmlSummary: the heading and the first sentence of the first paragraph, as text', () => {
  it.each([
    [
      html(
        '<h1>Whoops, looks like something went wrong.</h1><p>The server met an error. Try later. Really.</p>',
      ),
      'Whoops, looks like something went wrong. The server met an error.',
    ],
    [
      html('<h1>Sitemiz bakımda</h1><p>Kısa süre içinde döneceğiz.</p>'),
      'Sitemiz bakımda. Kısa süre içinde döneceğiz.',
    ],
    [html('<div><p>Only a paragraph here. And more.</p></div>'), 'Only a paragraph here.'],
    [
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
      '502 Bad Gateway',
    ],
    ['<html><head><title>Service Unavailable</title></head><body></body></html>', 'Service Unavailable'],
    [html('<script>var h = "<h1>not this</h1>";</script><h2>Blocked &amp; logged</h2>'), 'Blocked & logged'],
    [html('<h1><img src=x onerror=alert(1)>Denied</h1><p>&lt;b&gt;no&lt;/b&gt;</p>'), 'Denied. b no /b'],
  ])('%#', (page, text) => {
    expect(htmlSummary(page)).toBe(text);
  });

  it('is never HTML', () => {
    const s = htmlSummary(html('<h1>a <b>b</b></h1><p><a href="x">link</a> &lt;script&gt;</p>')) ?? '';
    expect(s).not.toMatch(/[<>]/);
  });

  it('cuts a long paragraph to one readable sentence', () => {
    const s = htmlSummary(html(`<p>${'word '.repeat(100)}</p>`)) ?? '';
    expect(s.length).toBeLessThanOrEqual(160);
    expect(s.endsWith('…')).toBe(true);
  });

  it('a generic <title>Error</title> gives way to the page heading', () => {
    const e = answer(500, html('<h1>Database connection failed</h1><p>Please try again in a minute.</p>'));
    expect(e.panelText).toBe('Database connection failed. Please try again in a minute.');
  });
});

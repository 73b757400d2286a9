import { describe, expect, it } from 'vitest';
import { findCodeTarget } from '../../../utils/otp/find-code-target.ts';
import type { CodeTarget } from '../../../utils/otp/types.ts';
import { $, mount } from './dom-fixture.ts';

function single(target: CodeTarget | null): HTMLInputElement | undefined {
  return target?.kind === 'single' ? target.input : undefined;
}

function boxes(target: CodeTarget | null): HTMLInputElement[] {
  return target?.kind === 'boxes' ? target.inputs : [];
}

const sixBoxes = (attrs = 'maxlength="1" inputmode="numeric"') =>
  Array.from({ length: 6 }, (_, i) => `<input ${attrs} style="width:40px;height:40px" data-i="${i}">`).join(
    '',
  );

describe('findCodeTarget: one field', () => {
  it('takes autocomplete="one-time-code" over a field named "code"', () => {
    mount('<input name="code"><input id="otp" autocomplete="one-time-code" name="x">');
    expect(single(findCodeTarget(document))?.id).toBe('otp');
  });

  it.each([
    ['English name', '<input name="verification_code" id="t">'],
    ['camelCase id', '<input id="t" name="smsCode">'],
    ['short name "otc"', '<input id="t" name="otc" type="tel">'],
    ['English placeholder', '<input id="t" placeholder="Enter the 6-digit code">'],
    ['aria-label', '<input id="t" aria-label="Security code from SMS">'],
    ['Turkish label, generic name', '<label for="t">Doğrulama kodu</label><input id="t" name="field_3">'],
    ['Turkish upper-case label', '<label>ONAY KODU <input id="t" name="f1"></label>'],
    ['Turkish SMS kodu placeholder', '<input id="t" name="f" placeholder="SMS kodunu girin">'],
    [
      'Turkish one-time password',
      '<label for="t">Tek kullanımlık şifre</label><input id="t" type="password">',
    ],
    ['German', '<label for="t">Bestätigungscode</label><input id="t" name="f">'],
    ['French', '<label for="t">Code de vérification</label><input id="t" name="f">'],
    ['Spanish', '<input id="t" name="f" placeholder="Código de verificación">'],
    ['Portuguese', '<input id="t" name="f" aria-label="Código de confirmação">'],
    ['Italian', '<label for="t">Codice di verifica</label><input id="t" name="f">'],
    ['Russian', '<label for="t">Код подтверждения</label><input id="t" name="f">'],
    ['Polish', '<label for="t">Kod weryfikacyjny</label><input id="t" name="f">'],
    ['Dutch', '<label for="t">Verificatiecode</label><input id="t" name="f">'],
    ['Arabic', '<label for="t">رمز التحقق</label><input id="t" name="f">'],
    ['Chinese', '<label for="t">短信验证码</label><input id="t" name="f">'],
    ['Japanese', '<label for="t">認証コード</label><input id="t" name="f">'],
    ['Korean', '<label for="t">인증번호</label><input id="t" name="f">'],
    ['Indonesian', '<label for="t">Kode OTP</label><input id="t" name="f">'],
    ['Vietnamese', '<label for="t">Mã xác minh</label><input id="t" name="f">'],
    ['Hindi', '<label for="t">सत्यापन कोड</label><input id="t" name="f">'],
    ['aria-labelledby', '<span id="l">Enter the code we sent</span><input id="t" aria-labelledby="l">'],
    [
      'nearby text only',
      '<p>We texted you a verification code.</p><div><input id="t" inputmode="numeric"></div>',
    ],
  ])('finds the field by %s', (_, html) => {
    mount(`<form>${html}</form>`);
    expect(single(findCodeTarget(document))?.id).toBe('t');
  });

  it('takes the SMS code over an e-mail code on a page that asks for both', () => {
    mount(`<form>
      <label>E-mail verification code <input id="mail"></label>
      <label>SMS verification code <input id="t"></label>
    </form>`);
    expect(single(findCodeTarget(document))?.id).toBe('t');
  });

  it('finds nothing on a page without a code field', () => {
    mount('<form><input name="first_name"><input name="city"><textarea name="note"></textarea></form>');
    expect(findCodeTarget(document)).toBeNull();
  });

  it('takes a bare "code" in nearby text only for a field shaped like a code', () => {
    mount(
      '<p>Use code SAVE10 at checkout</p><input name="q"><p>Code</p><div><input id="t" inputmode="numeric"></div>',
    );
    expect(single(findCodeTarget(document))?.id).toBe('t');
  });

  it('does not take an e-mail confirmation field labelled in Japanese', () => {
    mount('<form><label>メールアドレス（確認）<input name="f2"></label></form>');
    expect(findCodeTarget(document)).toBeNull();
  });

  it('does not take a bare numeric field without any words saying "code"', () => {
    mount('<p>How many tickets?</p><input name="qty" inputmode="numeric" maxlength="6">');
    expect(findCodeTarget(document)).toBeNull();
  });
});

describe('findCodeTarget: split boxes', () => {
  it.each([4, 6, 8])('finds %i one-character boxes in order', (n) => {
    const html = Array.from(
      { length: n },
      (_, i) => `<input maxlength="1" data-i="${i}" style="width:40px">`,
    );
    mount(`<h2>Enter code</h2><div class="otp">${html.join('')}</div>`);
    expect(boxes(findCodeTarget(document)).map((el) => el.dataset.i)).toEqual(
      Array.from({ length: n }, (_, i) => String(i)),
    );
  });

  it('finds boxes each wrapped in its own element, with no words at all', () => {
    const html = Array.from({ length: 6 }, () => '<div class="cell"><input type="tel" maxlength="1"></div>');
    mount(`<div class="row">${html.join('<span>-</span>')}</div>`);
    expect(boxes(findCodeTarget(document))).toHaveLength(6);
  });

  it('finds a row of narrow look-alike inputs without maxlength (react-otp-input style)', () => {
    mount(`<div>${Array.from({ length: 6 }, () => '<input type="text" style="width:16px">').join('')}</div>`);
    expect(boxes(findCodeTarget(document))).toHaveLength(6);
  });

  it('keeps a roving-focus group (Radix: every box tabindex=-1, the first one-time-code with maxlength=6)', () => {
    const rest = Array.from({ length: 5 }, () => '<input maxlength="1" tabindex="-1" style="width:40px">');
    mount(
      `<div tabindex="0"><input autocomplete="one-time-code" maxlength="6" tabindex="-1" style="width:40px">${rest.join('')}</div>`,
    );
    expect(boxes(findCodeTarget(document))).toHaveLength(6);
  });

  it('keeps a roving-focus group labelled "pin code n of 6" (zag) with one tabbable box', () => {
    const box = (i: number) =>
      `<input aria-label="pin code ${i + 1} of 6" tabindex="${i ? -1 : 0}" inputmode="numeric" style="width:40px">`;
    mount(`<div>${Array.from({ length: 6 }, (_, i) => box(i)).join('')}</div>`);
    expect(boxes(findCodeTarget(document))).toHaveLength(6);
  });

  it('takes a row of untabbable boxes with no words about a code for a decoy', () => {
    mount(
      `<div>${Array.from({ length: 6 }, () => '<input maxlength="1" tabindex="-1" style="width:40px">').join('')}</div>`,
    );
    expect(findCodeTarget(document)).toBeNull();
  });

  it('prefers the SMS boxes to an unrelated wide field', () => {
    mount(`<input name="nickname" style="width:300px"><p>SMS code</p><div>${sixBoxes()}</div>`);
    expect(boxes(findCodeTarget(document))).toHaveLength(6);
  });

  it('does not take 3 or 9 boxes as a code', () => {
    const row = (n: number) => Array.from({ length: n }, () => '<input maxlength="1" style="width:30px">');
    mount(`<div>${row(3).join('')}</div><hr><div>${row(9).join('')}</div>`);
    expect(findCodeTarget(document)).toBeNull();
  });

  it('does not take a card number split into four 4-digit boxes', () => {
    const row = Array.from({ length: 4 }, () => '<input maxlength="4" style="width:60px">').join('');
    mount(`<label>Card number</label><div>${row}</div>`);
    expect(findCodeTarget(document)).toBeNull();
  });

  it('does not take one-character boxes under a gift-card heading', () => {
    mount(`<h3>Gift card PIN</h3><div>${sixBoxes()}</div>`);
    expect(findCodeTarget(document)).toBeNull();
  });
});

describe('findCodeTarget: shadow DOM', () => {
  it('finds boxes inside nested open shadow roots', () => {
    mount('<otp-outer></otp-outer>');
    const outer = $('otp-outer', document).attachShadow({ mode: 'open' });
    const inner = document.createElement('otp-inner');
    outer.append(inner);
    const root = inner.attachShadow({ mode: 'open' });
    root.append(document.createRange().createContextualFragment(`<div>${sixBoxes()}</div>`));
    const found = boxes(findCodeTarget(document));
    expect(found).toHaveLength(6);
    expect(found[0].getRootNode()).toBe(root);
  });

  it('finds a labelled single field in a shadow root', () => {
    mount('<x-field></x-field>');
    const root = $('x-field', document).attachShadow({ mode: 'open' });
    root.append(
      document
        .createRange()
        .createContextualFragment('<label for="c">Verification code</label><input id="c">'),
    );
    expect(single(findCodeTarget(document))?.getRootNode()).toBe(root);
  });
});

describe('findCodeTarget: never the wrong field', () => {
  it('a card form next to an SMS field gets only the SMS field', () => {
    mount(`
      <form>
        <label>Card number <input name="cardnumber" autocomplete="cc-number"></label>
        <label>Expiry <input name="exp" autocomplete="cc-exp"></label>
        <label>Security code <input name="sc" maxlength="4" inputmode="numeric"></label>
        <label>CVC <input name="cvc" maxlength="3"></label>
        <label>SMS code <input id="sms" name="f9"></label>
      </form>`);
    expect(single(findCodeTarget(document))?.id).toBe('sms');
  });

  it('a card form alone gets nothing, "security code" included', () => {
    mount(`
      <form>
        <input name="number" placeholder="Card number">
        <label>Güvenlik kodu <input name="g" maxlength="3" inputmode="numeric"></label>
        <input name="cvv2" maxlength="3">
      </form>`);
    expect(findCodeTarget(document)).toBeNull();
  });

  it('takes "security code" when no card is around', () => {
    mount('<form><label>Security code <input id="t" inputmode="numeric"></label></form>');
    expect(single(findCodeTarget(document))?.id).toBe('t');
  });

  it.each([
    ['display:none', '<input id="d" autocomplete="one-time-code" style="display:none">'],
    ['a display:none ancestor', '<div style="display:none"><input id="d" name="otp"></div>'],
    ['the hidden attribute', '<div hidden><input id="d" name="otp"></div>'],
    ['visibility:hidden', '<input id="d" name="otp" style="visibility:hidden">'],
    ['zero size', '<input id="d" name="otp" style="width:0;height:0">'],
    ['1px visually hidden', '<input id="d" name="otp" style="width:1px;height:1px">'],
    ['off screen', '<input id="d" name="otp" style="position:absolute;left:-9999px">'],
    [
      'a collapsed overflow:hidden box',
      '<div style="height:0;overflow:hidden"><input id="d" name="otp"></div>',
    ],
    ['type=hidden', '<input id="d" name="otp" type="hidden" value="">'],
    ['disabled', '<input id="d" name="otp" disabled>'],
    ['readonly', '<input id="d" name="otp" readonly>'],
    ['aria-hidden', '<input id="d" name="otp" aria-hidden="true">'],
    ['an aria-hidden ancestor', '<div aria-hidden="true"><input id="d" name="otp"></div>'],
    ['inert', '<div inert><input id="d" name="otp"></div>'],
    [
      'tabindex=-1 without code words',
      '<p>Code</p><div><input id="d" tabindex="-1" inputmode="numeric"></div>',
    ],
    ['opacity:0 without code words', '<p>Code</p><div><input id="d" style="opacity:0"></div>'],
  ])('skips a decoy hidden by %s and takes the real field', (_, decoy) => {
    mount(`<form>${decoy}<label>Doğrulama kodu <input id="real" name="f"></label></form>`);
    expect(single(findCodeTarget(document))?.id).toBe('real');
  });

  it('takes a transparent overlay input when it says one-time-code (input-otp)', () => {
    mount(
      '<div style="position:relative"><input id="t" autocomplete="one-time-code" style="opacity:0"></div>',
    );
    expect(single(findCodeTarget(document))?.id).toBe('t');
  });

  it.each([
    ['coupon', '<label>Coupon code <input name="f"></label>'],
    ['promo', '<input name="promo_code">'],
    ['voucher', '<input placeholder="Voucher code">'],
    ['gift card', '<input aria-label="Gift card code">'],
    ['Turkish discount', '<label>İndirim kodu <input name="f"></label>'],
    ['zip', '<input name="zip" inputmode="numeric" maxlength="5">'],
    ['postal code', '<label>Postal code <input name="f"></label>'],
    ['Turkish postal code', '<label>Posta kodu <input name="f"></label>'],
    ['postal autocomplete', '<input name="code" autocomplete="postal-code">'],
    ['search', '<input type="search" name="q" placeholder="Search codes">'],
    ['search by name', '<input name="search" placeholder="Code">'],
    ['email', '<input type="email" name="code">'],
    ['email by name', '<input name="email">'],
    ['username', '<input name="username" autocomplete="username">'],
    ['Turkish username', '<label>Kullanıcı adı <input name="f"></label>'],
    ['password', '<input type="password" name="password">'],
    ['text password', '<label>Password <input name="p"></label>'],
    ['recovery code', '<label>Recovery code <input name="f"></label>'],
    ['backup code', '<input name="backup_code">'],
    ['captcha', '<label>Enter the code in the image <input name="captcha"></label>'],
    ['country code', '<input name="country_code" placeholder="+90">'],
    ['referral code', '<input name="referral" placeholder="Referral code">'],
    ['confirm password', '<input name="confirm_password">'],
    ['a checkbox', '<label>Verify code <input type="checkbox" name="otp"></label>'],
  ])('never takes a %s field', (_, html) => {
    mount(`<form>${html}</form>`);
    expect(findCodeTarget(document)).toBeNull();
  });

  it('a login form with an OTP field gets only the OTP field', () => {
    mount(`
      <form>
        <input name="username" autocomplete="username">
        <input type="password" name="password" autocomplete="current-password">
        <input name="otp" id="t" inputmode="numeric">
      </form>`);
    expect(single(findCodeTarget(document))?.id).toBe('t');
  });

  it('an e-mail verification code field is a code field ("code sent to your e-mail")', () => {
    mount('<form><input name="email"><label>Code sent to your e-mail <input id="t" name="f"></label></form>');
    expect(single(findCodeTarget(document))?.id).toBe('t');
  });
});

import { describe, expect, it } from 'vitest';
import { fillPhone } from '../../../utils/otp/fill-phone.ts';
import { findPhoneTarget } from '../../../utils/otp/find-phone-target.ts';
import type { PhoneTarget } from '../../../utils/otp/types.ts';
import { $, mount, trackLikeReact } from './dom-fixture.ts';

const DIAL_SELECT = `<select name="cc"><option value="1">United States (+1)</option>
  <option value="90">Türkiye (+90)</option><option value="44">United Kingdom (+44)</option></select>`;

function found(): PhoneTarget {
  const target = findPhoneTarget(document);
  if (!target) throw new Error('fixture has no phone field');
  return target;
}

describe('findPhoneTarget', () => {
  it.each([
    ['type=tel', '<input name="f" type="tel" id="p">'],
    ['autocomplete=tel', '<input name="f" autocomplete="tel" id="p">'],
    ['autocomplete=tel-national', '<input name="f" autocomplete="tel-national" id="p">'],
    ['name phone', '<input name="phone" id="p">'],
    ['Turkish label', '<label for="p">Cep telefonu</label><input name="f" id="p">'],
    ['name gsm', '<input name="gsm_no" id="p">'],
    ['German placeholder', '<input name="f" placeholder="Handynummer" id="p">'],
    ['nearby text', '<p>Mobile number</p><div><input name="f" id="p"></div>'],
  ])('finds the phone field by %s', (_, html) => {
    mount(`<form><input name="email" type="email">${html}</form>`);
    expect(found().input.id).toBe('p');
  });

  it('does not take an SMS-code field, a country-code field or an e-mail field', () => {
    mount(`<form>
      <input name="otp" type="tel" maxlength="6" autocomplete="one-time-code">
      <input name="cc" autocomplete="tel-country-code">
      <input type="email" name="phone_email">
      <label>Phone code <input name="x"></label>
    </form>`);
    expect(findPhoneTarget(document)).toBeNull();
  });

  it('does not take a hidden phone field', () => {
    mount(
      '<form><input name="phone" type="tel" style="display:none"><input name="phone2" type="hidden"></form>',
    );
    expect(findPhoneTarget(document)).toBeNull();
  });

  it('sees no country selector on a lone phone field', () => {
    mount('<form><div><label>Phone <input type="tel" name="phone"></label></div></form>');
    expect(found().hasCountrySelector).toBe(false);
  });

  it('sees no country selector in an address country select (no dial codes)', () => {
    mount(`<form><div><select name="country" autocomplete="country"><option>Türkiye</option>
      <option>Germany</option></select><input type="tel" name="phone"></div></form>`);
    expect(found().hasCountrySelector).toBe(false);
  });

  it('sees no country selector in a hidden country-code input', () => {
    mount(
      '<form><div><input type="hidden" name="country_code" value="90"><input type="tel" name="phone"></div></form>',
    );
    expect(found().hasCountrySelector).toBe(false);
  });

  it('sees a separate country-code input as a selector', () => {
    mount(
      '<form><div><input name="cc" autocomplete="tel-country-code" size="4"><input type="tel" name="phone"></div></form>',
    );
    expect(found().hasCountrySelector).toBe(true);
  });

  it('sees a dial-code select next to the field', () => {
    mount(`<form><div class="row">${DIAL_SELECT}<input type="tel" name="phone"></div></form>`);
    const target = found();
    expect(target.hasCountrySelector).toBe(true);
    expect(target.countrySelect?.name).toBe('cc');
  });

  it('sees a flag button with "+90" as a country selector', () => {
    mount(`<form><div class="phone"><button type="button" class="picker">+90</button>
      <input type="tel" name="phone"></div></form>`);
    expect(found().hasCountrySelector).toBe(true);
  });
});

describe('fillPhone', () => {
  it('types +international when there is no country selector', async () => {
    mount('<form><input type="tel" name="phone" id="p"></form>');
    const react = trackLikeReact($('#p'));
    expect(await fillPhone(found(), '905551234567', window, '5551234567')).toEqual({ filled: 1 });
    expect($('#p').value).toBe('+905551234567');
    expect(react.changes.at(-1)).toBe('+905551234567');
    expect(react.trackerWrites).toEqual([]);
  });

  it('types the national number and picks the country when the site has a dial-code select', async () => {
    mount(`<form><div>${DIAL_SELECT}<input type="tel" name="phone" id="p"></div></form>`);
    let changed = '';
    $<HTMLSelectElement>('select').addEventListener('change', (e) => {
      changed = (e.target as HTMLSelectElement).value;
    });
    expect(await fillPhone(found(), '+90 555 123 45 67', window, '5551234567')).toEqual({ filled: 1 });
    expect($('#p').value).toBe('5551234567');
    expect(changed).toBe('90');
  });

  it('strips the dial code the selector shows when no national number is given', async () => {
    mount(`<form><div>${DIAL_SELECT.replace('value="90"', 'value="90" selected')}
      <input type="tel" name="phone" id="p"></div></form>`);
    expect(await fillPhone(found(), '905551234567', window)).toEqual({ filled: 1 });
    expect($('#p').value).toBe('5551234567');
  });

  it('switches a dial-code select to the number’s country when no national number is given', async () => {
    mount(`<form><div>${DIAL_SELECT}<input type="tel" name="phone" id="p"></div></form>`);
    expect($<HTMLSelectElement>('select').value).toBe('1');
    expect(await fillPhone(found(), '+905551234567', window)).toEqual({ filled: 1 });
    expect($<HTMLSelectElement>('select').value).toBe('90');
    expect($('#p').value).toBe('5551234567');
  });

  it('types +international next to a flag-only picker whose country it cannot read', async () => {
    mount(
      '<form><div><div class="flag-dropdown" role="button"></div><input type="tel" name="phone" id="p"></div></form>',
    );
    const target = found();
    expect(target.hasCountrySelector).toBe(true);
    expect(await fillPhone(target, '905551234567', window)).toEqual({ filled: 1 });
    expect($('#p').value).toBe('+905551234567');
  });

  it('accepts a page that masks the number as it is typed', async () => {
    mount('<form><div><button class="flag">+90</button><input type="tel" name="phone" id="p"></div></form>');
    const el = $('#p');
    el.addEventListener('input', () => {
      const d = el.value.replace(/\D/g, '');
      el.value = d.length > 3 ? `(${d.slice(0, 3)}) ${d.slice(3)}` : d;
    });
    expect(await fillPhone(found(), '905551234567', window, '5551234567')).toEqual({ filled: 1 });
    expect(el.value).toBe('(555) 1234567');
  });
});

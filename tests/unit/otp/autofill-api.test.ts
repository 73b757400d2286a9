import { describe, expect, it } from 'vitest';
import { createAutofillApi } from '../../../utils/otp/autofill-api.ts';
import autofillScript from '../../../entrypoints/autofill.ts';
import { $, mount } from './dom-fixture.ts';

type Installed = typeof globalThis & { __smsPanelAutofill?: ReturnType<typeof createAutofillApi> };

describe('createAutofillApi', () => {
  it('fills the code into the page and reports it', async () => {
    mount('<label>Doğrulama kodu <input id="c" name="field_3"></label>');
    const api = createAutofillApi(document, window);
    expect(await api.fillCode('123456')).toEqual({ filled: 1 });
    expect($('#c').value).toBe('123456');
  });

  it('reports no_field at once when there is none and no wait was asked for', async () => {
    mount('<input type="email" name="email">');
    expect(await createAutofillApi(document, window).fillCode('123456')).toEqual({
      filled: 0,
      reason: 'no_field',
    });
  });

  it('waits up to waitMs for a field rendered after the fill was asked for', async () => {
    mount('<main></main>');
    setTimeout(() => {
      const field = document.createElement('input');
      field.autocomplete = 'one-time-code';
      field.id = 'late';
      $('main', document).append(field);
    }, 200);
    expect(await createAutofillApi(document, window).fillCode('8080', { waitMs: 3000 })).toEqual({
      filled: 1,
    });
    expect($('#late').value).toBe('8080');
  });

  it('runs two fills one after the other, not interleaved', async () => {
    mount('<input id="c" name="otp">');
    const api = createAutofillApi(document, window);
    const [first, second] = await Promise.all([api.fillCode('1111'), api.fillCode('2222')]);
    expect([first, second]).toEqual([{ filled: 1 }, { filled: 1 }]);
    expect($('#c').value).toBe('2222');
  });

  it('fills the phone number with the national part when there is a dial-code select', async () => {
    mount(`<form><div><select name="dial"><option value="+1">+1</option><option value="+90">+90</option></select>
      <input type="tel" name="phone" id="p"></div></form>`);
    const report = await createAutofillApi(document, window).fillPhone('905321112233', {
      nationalNumber: '5321112233',
    });
    expect(report).toEqual({ filled: 1 });
    expect($('#p').value).toBe('5321112233');
    expect($<HTMLSelectElement>('select').value).toBe('+90');
  });
});

describe('autofill script', () => {
  it('installs __smsPanelAutofill once; injecting it again keeps the first instance', async () => {
    const scope = globalThis as Installed;
    const installed = () => scope.__smsPanelAutofill;
    delete scope.__smsPanelAutofill;
    await autofillScript.main();
    const first = installed();
    await autofillScript.main();
    expect(first).toBeDefined();
    expect(installed()).toBe(first);
    mount('<input id="c" autocomplete="one-time-code">');
    expect(await installed()?.fillCode('4242')).toEqual({ filled: 1 });
    delete scope.__smsPanelAutofill;
  });
});

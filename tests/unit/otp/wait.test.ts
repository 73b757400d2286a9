import { describe, expect, it } from 'vitest';
import { waitForCodeTarget } from '../../../utils/otp/wait.ts';
import { $, mount } from './dom-fixture.ts';

describe('waitForCodeTarget', () => {
  it('resolves at once when the field is already there', async () => {
    mount('<input id="c" autocomplete="one-time-code">');
    const target = await waitForCodeTarget(document, window, 1000);
    expect(target?.kind === 'single' && target.input.id).toBe('c');
  });

  it('waits for a field rendered later (a two-step form)', async () => {
    mount('<form id="f"><input type="tel" name="phone"></form>');
    setTimeout(() => {
      const field = document.createElement('input');
      field.id = 'c';
      field.name = 'sms_code';
      $('#f', document).append(field);
    }, 150);
    const started = Date.now();
    const target = await waitForCodeTarget(document, window, 3000);
    expect(target?.kind === 'single' && target.input.id).toBe('c');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('waits for a field that appears by losing display:none', async () => {
    mount('<div id="step2" style="display:none"><label>Verification code <input id="c"></label></div>');
    setTimeout(() => $<HTMLElement>('#step2').style.removeProperty('display'), 100);
    const target = await waitForCodeTarget(document, window, 3000);
    expect(target?.kind === 'single' && target.input.id).toBe('c');
  });

  it('waits for boxes rendered later inside a shadow root it already sees', async () => {
    mount('<otp-widget></otp-widget>');
    const root = $('otp-widget', document).attachShadow({ mode: 'open' });
    setTimeout(() => {
      const row = Array.from({ length: 6 }, () => '<input maxlength="1" style="width:40px">').join('');
      root.append(document.createRange().createContextualFragment(`<div>${row}</div>`));
    }, 120);
    const target = await waitForCodeTarget(document, window, 3000);
    expect(target?.kind === 'boxes' && target.inputs.length).toBe(6);
  });

  it('gives up with null after the timeout when no field comes', async () => {
    mount('<input name="email" type="email">');
    const started = Date.now();
    expect(await waitForCodeTarget(document, window, 300)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });
});

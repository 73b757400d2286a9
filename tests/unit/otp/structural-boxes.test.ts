import { describe, expect, it } from 'vitest';
import { findCodeTarget } from '../../../utils/otp/find-code-target.ts';
import type { CodeTarget } from '../../../utils/otp/types.ts';
import { mount } from './dom-fixture.ts';

// The structural rule: a row of equal one-character boxes is a code whatever its label says, unless its
// words say it is something else (card, postal code, phone, a PIN being changed).

const boxes = (target: CodeTarget | null) => (target?.kind === 'boxes' ? target.inputs : []);

/** `n` plain text inputs of `w`×`h` px, each inside `depth` wrapper divs, with optional extra attributes. */
function row(n: number, { depth = 1, attrs = 'type="text"', w = 44, h = 44, top = 0 } = {}): string {
  const at = top ? `position:absolute;top:${top}px;` : '';
  const input = `<input ${attrs} style="${at}width:${w}px;height:${h}px">`;
  const wrapped = (i: number) =>
    '<div class="w">'.repeat(depth).replace('class="w"', `class="w" data-i="${i}"`) +
    input +
    '</div>'.repeat(depth);
  return `<div class="row">${Array.from({ length: n }, (_, i) => wrapped(i)).join('')}</div>`;
}

describe('structural detection: a row of boxes whatever its label says', () => {
  it.each([
    ['Greek', '<p>Πληκτρολογήστε τα ψηφία που λάβατε</p>'],
    ['Georgian', '<p>შეიყვანეთ მიღებული ციფრები</p>'],
    ['Russian, no keyword', '<h2>Введите цифры из сообщения</h2>'],
    ['no words at all', ''],
  ])('finds six plain boxes, each three wrappers deep, labelled in %s', (_, label) => {
    mount(`${label}${row(6, { depth: 3 })}`);
    expect(boxes(findCodeTarget(document))).toHaveLength(6);
  });

  it.each([4, 5, 8])('finds %i wrapped tel/number boxes without maxlength or autocomplete', (n) => {
    mount(row(n, { depth: 2, attrs: 'type="tel" inputmode="numeric"' }));
    expect(boxes(findCodeTarget(document))).toHaveLength(n);
  });

  it('keeps boxes on two lines apart (two rows of three are not one code)', () => {
    mount(`<div>${row(3, { top: 10 })}${row(3, { top: 80 })}</div>`);
    expect(findCodeTarget(document)).toBeNull();
  });

  it('does not take wide boxes whose placeholder shows four digits (a card number, no label)', () => {
    mount(row(4, { attrs: 'type="tel" placeholder="0000"', w: 64, h: 40 }));
    expect(findCodeTarget(document)).toBeNull();
  });

  it('does not take boxes wider than they are tall (a card number in 4 boxes, no label, no placeholder)', () => {
    mount(row(4, { attrs: 'type="tel"', w: 68, h: 36 }));
    expect(findCodeTarget(document)).toBeNull();
  });

  it.each([
    ['Russian', 'Почтовый индекс'],
    ['German', 'Postleitzahl'],
    ['French', 'Code postal'],
  ])('does not take a postal code written one digit per box (%s)', (_, label) => {
    mount(`<p>${label}</p>${row(6, { attrs: 'type="text" maxlength="1"' })}`);
    expect(findCodeTarget(document)).toBeNull();
  });

  it('does not take a phone number in boxes', () => {
    mount(`<p>Номер телефона</p>${row(4, { attrs: 'type="tel" maxlength="3"' })}`);
    expect(findCodeTarget(document)).toBeNull();
  });
});

describe('structural detection: a PIN being changed is left alone', () => {
  const form = (labels: string[], n = 4) =>
    labels
      .map((l, i) => `<p>${l}</p>${row(n, { attrs: 'type="password" maxlength="1"', top: 10 + 70 * i })}`)
      .join('');

  it.each([
    ['English', ['Current PIN', 'New PIN', 'Confirm new PIN']],
    ['German', ['Aktuelle PIN', 'Neue PIN', 'Neue PIN wiederholen']],
    ['Turkish', ['Mevcut PIN', 'Yeni PIN', 'PIN tekrar']],
    ['Russian', ['Текущий ПИН', 'Новый ПИН', 'Повторите ПИН']],
  ])('three rows of boxes labelled current / new / repeat PIN (%s)', (_, labels) => {
    mount(form(labels));
    expect(findCodeTarget(document)).toBeNull();
  });

  it('one row labelled "Confirm your new PIN" alone', () => {
    mount(form(['Confirm your new PIN'], 6));
    expect(findCodeTarget(document)).toBeNull();
  });

  it('three rows in a language we do not read: shape alone cannot tell them apart', () => {
    mount(form(['Τρέχον', 'Νέο', 'Επανάληψη'], 6));
    expect(findCodeTarget(document)).toBeNull();
  });

  it('but takes the row whose words say "SMS code" beside a row found by shape alone', () => {
    mount(`${form(['Τρέχον'], 6)}<p>SMS code</p>${row(6, { attrs: 'type="text" id="sms"', top: 200 })}`);
    expect(boxes(findCodeTarget(document))[0]?.id).toBe('sms');
  });

  it.each(['Current PIN', 'Neue PIN', 'Yeni PIN'])('a single PIN field labelled "%s"', (label) => {
    mount(`<form><label>${label} <input name="p" maxlength="4" inputmode="numeric"></label></form>`);
    expect(findCodeTarget(document)).toBeNull();
  });
});

describe('roving-focus boxes hidden from assistive tech (Ionic input-otp)', () => {
  /** Six boxes in one row: the first says one-time-code and is visible, the rest are aria-hidden. */
  const roving = (firstHidden: boolean) =>
    `<p>Code</p><div class="row">${Array.from(
      { length: 6 },
      (_, i) =>
        `<input type="text" maxlength="1" style="width:40px;height:40px"${
          i === 0 ? ' autocomplete="one-time-code"' : ''
        }${i > 0 || firstHidden ? ' aria-hidden="true"' : ''}>`,
    ).join('')}</div>`;

  it('takes the whole row when one box is plainly visible', () => {
    mount(roving(false));
    expect(boxes(findCodeTarget(document))).toHaveLength(6);
  });

  it('never takes a row whose every box is hidden from assistive tech, even when it says "code"', () => {
    mount(roving(true));
    expect(findCodeTarget(document)).toBeNull();
  });
});

describe('a row that wraps in a narrow window', () => {
  it('keeps six sibling boxes of one container together when the last two wrap onto the next line', () => {
    const box = (i: number) =>
      `<input maxlength="1" inputmode="numeric" style="position:absolute;left:${(i % 4) * 50}px;top:${
        i < 4 ? 0 : 50
      }px;width:40px;height:40px">`;
    mount(`<fieldset><legend>Verification code</legend>${[0, 1, 2, 3, 4, 5].map(box).join('')}</fieldset>`);
    expect(boxes(findCodeTarget(document))).toHaveLength(6);
  });
});

/* global requestAnimationFrame */
// A faithful reproduction of Ant Design 5.16's Input.OTP (components/input/OTP/{index,OTPInput}.tsx): a
// div.ant-otp of six <input class="ant-input ant-otp-input" size="1"> with no maxlength and no autocomplete.
// Each box reports through React's onInput; the parent patches its cells (a two-character value spills into
// the next cells), moves focus to index + typed length, and calls onChange only when every cell is full.
// The full antd package (rc-* modules, cssinjs) is too heavy for this corpus; this is its DOM and logic.
// Label in Russian with no word the keyword list knows ("enter the digits from the message").
import { createElement as h, useRef, useState } from 'react';
import { mountWithState } from './react-mount.js';

const LENGTH = 6;

function OTP({ onChange }) {
  const [cells, setCells] = useState([]);
  const refs = useRef([]);
  const patch = (index, txt) => {
    let next = [...cells];
    for (let i = 0; i < index; i++) next[i] ||= '';
    if (txt.length <= 1) next[index] = txt;
    else next = next.slice(0, index).concat(txt.split(''));
    next = next.slice(0, LENGTH);
    while (next.length && !next[next.length - 1]) next.pop();
    return next;
  };
  const onInputChange = (index, txt) => {
    const next = patch(index, txt);
    const nextIndex = Math.min(index + txt.length, LENGTH - 1);
    if (nextIndex !== index) refs.current[nextIndex]?.focus();
    setCells(next);
    if (next.length === LENGTH && next.every(Boolean) && next.some((c, i) => cells[i] !== c)) {
      onChange(next.join(''));
    }
  };
  return h(
    'div',
    { className: 'ant-otp css-var-r0' },
    Array.from({ length: LENGTH }, (_, index) =>
      h('input', {
        key: `otp-${index}`,
        className: 'ant-input ant-input-outlined ant-otp-input',
        size: 1,
        type: 'text',
        value: cells[index] || '',
        ref: (el) => (refs.current[index] = el),
        onInput: (e) => onInputChange(index, e.target.value),
        // React warns about a value without onChange; antd's rc-input passes one that does nothing here.
        onChange: () => {},
        onFocus: (e) => requestAnimationFrame(() => e.target.select()),
        onKeyDown: ({ key }) => {
          if (key === 'ArrowLeft') refs.current[index - 1]?.focus();
          else if (key === 'ArrowRight') refs.current[index + 1]?.focus();
        },
        onKeyUp: (e) => {
          if (e.key === 'Backspace' && !cells[index]) refs.current[index - 1]?.focus();
        },
      }),
    ),
  );
}

mountWithState((value, setValue) => [
  h('h2', { key: 't' }, 'Введите цифры из сообщения'),
  h(OTP, { key: 'o', onChange: setValue }),
]);

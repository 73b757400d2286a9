// A faithful reproduction of Mantine 7's PinInput (@mantine/core 7.x, PinInput.tsx) with oneTimeCode={false}:
// each box is Mantine's <Input component="input">, i.e. an <input> inside its own div.mantine-Input-wrapper,
// autocomplete="off", no maxlength; onChange keeps the last character of a two-character value, focus moves
// with refs, Backspace is handled in keydown (preventDefault), paste sets the whole value. The real package
// drags in its CSS-in-JS and PostCSS setup; the DOM and the event handling are what the autofill meets.
// The label is in Greek, a language the keyword list does not know.
import { createElement as h, useRef, useState } from 'react';
import { mountWithState } from './react-mount.js';

const LENGTH = 6;
const valid = (s) => /^[a-zA-Z0-9]+$/.test(s);
const pinArray = (value) => Array.from({ length: LENGTH }, (_, i) => value[i] ?? '');

function PinInput({ value, onChange }) {
  const refs = useRef([]);
  const [focused, setFocused] = useState(-1);
  const focusField = (dir, i) => {
    const next = dir === 'next' ? (i + 1 < LENGTH ? i + 1 : i) : i - 1 > -1 ? i - 1 : i;
    refs.current[next].focus();
  };
  const setField = (v, i) => {
    const values = pinArray(value);
    values[i] = v;
    onChange(values.join(''));
  };
  const handleChange = (e, i) => {
    const input = e.target.value;
    const ch = input.length === 2 ? input[input.length - 1] : input;
    if (ch.length < 2) {
      if (valid(ch)) {
        setField(ch, i);
        focusField('next', i);
      } else setField('', i);
    } else if (valid(input)) onChange(input.slice(0, LENGTH));
  };
  const handleKeyDown = (e, i) => {
    if (e.key === 'Backspace') {
      e.preventDefault();
      setField('', i);
      focusField('prev', i);
    }
  };
  return h(
    'div',
    { className: 'mantine-Group-root mantine-PinInput-root', role: 'group', id: 'mantine-r1' },
    pinArray(value).map((ch, i) =>
      h(
        'div',
        { key: i, className: 'mantine-Input-wrapper mantine-PinInput-pinInput', 'data-variant': 'default' },
        h('input', {
          className: 'mantine-Input-input mantine-PinInput-input',
          id: `mantine-r1-${i + 1}`,
          inputMode: 'text',
          type: 'text',
          autoComplete: 'off',
          placeholder: focused === i ? '' : '○',
          value: ch,
          ref: (el) => (refs.current[i] = el),
          onChange: (e) => handleChange(e, i),
          onKeyDown: (e) => handleKeyDown(e, i),
          onFocus: (e) => {
            e.target.select();
            setFocused(i);
          },
          onBlur: () => setFocused(-1),
          onPaste: (e) => {
            e.preventDefault();
            const text = e.clipboardData.getData('Text');
            if (valid(text)) onChange(text.slice(0, LENGTH));
          },
        }),
      ),
    ),
  );
}

mountWithState((value, setValue) => [
  h('p', { key: 'l', className: 'mantine-Text-root' }, 'Πληκτρολογήστε τα ψηφία που λάβατε'),
  h(PinInput, { key: 'p', value, onChange: setValue }),
  h('input', { key: 'hidden', type: 'hidden', name: 'pin', value }),
]);

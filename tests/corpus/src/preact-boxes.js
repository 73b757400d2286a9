/* global document */
// Preact (the project's own UI library): a hand-written controlled 6-box widget, focus moved with refs.
import { h, render } from 'preact';
import { useRef, useState } from 'preact/hooks';

function Boxes() {
  const [digits, setDigits] = useState(['', '', '', '', '', '']);
  const refs = useRef([]);
  const onInput = (i) => (e) => {
    const d = e.currentTarget.value.replace(/\D/g, '').slice(-1);
    e.currentTarget.value = d;
    setDigits((prev) => prev.map((v, k) => (k === i ? d : v)));
    if (d) refs.current[i + 1]?.focus();
  };
  return h('div', null, [
    h('label', { id: 'l' }, 'Güvenlik kodu'),
    h(
      'div',
      { class: 'otp', role: 'group', 'aria-labelledby': 'l' },
      digits.map((v, i) =>
        h('input', {
          key: i,
          class: 'box',
          inputMode: 'numeric',
          value: v,
          ref: (el) => (refs.current[i] = el),
          onInput: onInput(i),
        }),
      ),
    ),
    h('p', null, ['State: ', h('output', { id: 'state' }, digits.join(''))]),
  ]);
}

render(h(Boxes), document.getElementById('app'));

// input-otp (React): one transparent input over six visual slots.
import { createElement as h } from 'react';
import { OTPInput, REGEXP_ONLY_DIGITS } from 'input-otp';
import { mountWithState } from './react-mount.js';

const slot = (s, i) => h('div', { key: i, className: 'slot' + (s.isActive ? ' active' : '') }, s.char ?? '');

mountWithState((value, setValue) =>
  h(OTPInput, {
    maxLength: 6,
    value,
    onChange: setValue,
    pattern: REGEXP_ONLY_DIGITS,
    containerClassName: 'otp',
    render: ({ slots }) => h('div', { className: 'slots' }, slots.map(slot)),
  }),
);

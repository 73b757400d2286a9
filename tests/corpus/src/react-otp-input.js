// react-otp-input: six separate inputs, no maxlength, focus moves on change.
import { createElement as h } from 'react';
import OtpInput from 'react-otp-input';
import { mountWithState } from './react-mount.js';

mountWithState((value, setValue) =>
  h(OtpInput, {
    value,
    onChange: setValue,
    numInputs: 6,
    renderSeparator: h('span', null, '-'),
    renderInput: (props) => h('input', { ...props, className: 'box' }),
  }),
);

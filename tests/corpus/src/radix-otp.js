// @radix-ui/react-one-time-password-field: six inputs with roving focus, plus a hidden input.
import { createElement as h } from 'react';
import * as OTP from '@radix-ui/react-one-time-password-field';
import { mountWithState } from './react-mount.js';

mountWithState((value, setValue) =>
  h(
    OTP.Root,
    { className: 'otp', value, onValueChange: setValue },
    ...Array.from({ length: 6 }, (_, i) => h(OTP.Input, { key: i, className: 'box' })),
    h(OTP.HiddenInput, { name: 'code' }),
  ),
);

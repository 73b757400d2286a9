// @zag-js/pin-input with @zag-js/react: roving tabindex, focus moved in a microtask, paste on a frame.
import { createElement as h, useId } from 'react';
import * as pinInput from '@zag-js/pin-input';
import { normalizeProps, useMachine } from '@zag-js/react';
import { mountWithState } from './react-mount.js';

function PinInput({ onValueChange }) {
  const service = useMachine(pinInput.machine, {
    id: useId(),
    count: 6,
    onValueChange: (details) => onValueChange(details.valueAsString),
  });
  const api = pinInput.connect(service, normalizeProps);
  return h(
    'div',
    api.getRootProps(),
    h('label', api.getLabelProps(), 'PIN'),
    h(
      'div',
      { ...api.getControlProps(), className: 'otp' },
      api.items.map((index) => h('input', { key: index, className: 'box', ...api.getInputProps({ index }) })),
    ),
    h('input', api.getHiddenInputProps()),
  );
}

mountWithState((_value, setValue) => h(PinInput, { onValueChange: setValue }));

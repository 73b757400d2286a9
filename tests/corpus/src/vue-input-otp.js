/* global document */
// vue-input-otp (Vue 3 port of input-otp): one transparent input over slots, v-model.
import { createApp, h, ref } from 'vue';
import { OTPInput } from 'vue-input-otp';

const value = ref('');
createApp({
  render: () =>
    h('div', null, [
      h(
        OTPInput,
        {
          maxlength: 6,
          modelValue: value.value,
          'onUpdate:modelValue': (v) => (value.value = v ?? ''),
          containerClass: 'otp',
        },
        {
          default: ({ slots }) =>
            h(
              'div',
              { class: 'slots' },
              slots.map((s, i) => h('div', { key: i, class: 'slot' }, s.char ?? '')),
            ),
        },
      ),
      h('p', null, ['State: ', h('output', { id: 'state' }, value.value)]),
    ]),
}).mount(document.getElementById('app'));

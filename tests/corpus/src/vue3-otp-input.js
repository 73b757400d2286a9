/* global document */
// vue3-otp-input (Vue 3, render functions): six type=tel inputs; keydown filtered by keyCode/which.
import { createApp, h, ref } from 'vue';
import VOtpInput from 'vue3-otp-input';

const value = ref('');
createApp({
  render: () =>
    h('div', null, [
      h(VOtpInput, {
        numInputs: 6,
        separator: '-',
        inputClasses: 'box',
        'onOn-change': (v) => (value.value = v),
      }),
      h('p', null, ['State: ', h('output', { id: 'state' }, value.value)]),
    ]),
}).mount(document.getElementById('app'));

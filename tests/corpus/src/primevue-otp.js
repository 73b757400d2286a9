/* global document */
// PrimeVue 4.5 InputOtp (the real package, unstyled mode): six plain InputText boxes with no maxlength and no
// autocomplete; focus moves on an `input` event whose inputType is insertText. Label in French, with none of
// the words the keyword list knows, so only the row's shape can find it.
import { createApp, h, ref } from 'vue';
import PrimeVue from 'primevue/config';
import InputOtp from 'primevue/inputotp';

const value = ref('');
createApp({
  render: () =>
    h('div', null, [
      h('p', { id: 'l' }, 'Saisissez les six chiffres que nous venons de vous envoyer'),
      h('div', { class: 'prime-otp' }, [
        h(InputOtp, {
          modelValue: value.value,
          'onUpdate:modelValue': (v) => (value.value = v),
          length: 6,
          integerOnly: true,
          'aria-labelledby': 'l',
        }),
      ]),
      h('p', null, ['État : ', h('output', { id: 'state' }, value.value)]),
    ]),
})
  .use(PrimeVue, { unstyled: true })
  .mount(document.getElementById('app'));

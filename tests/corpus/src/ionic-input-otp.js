/* global document */
// Ionic 8 <ion-input-otp> (the real Stencil web component from @ionic/core/components): scoped styles, one
// native input per box inside div.native-wrapper, roving tabindex, value read in its own `input` handler.
// German heading; the page shows the component's ionInput value.
import { initialize } from '@ionic/core/components';
import { defineCustomElement } from '@ionic/core/components/ion-input-otp.js';

// Ionic's config (mode "md") picks the component's stylesheet, as an Ionic app's setup does.
initialize({ mode: 'md' });
defineCustomElement();
const otp = document.querySelector('ion-input-otp');
otp.length = 6;
otp.type = 'number';
otp.addEventListener('ionInput', (e) => {
  document.getElementById('state').textContent = e.detail.value ?? '';
});

/* global document */
// Mounts the Svelte 5 OTP component (SvelteOtpInput.svelte) and shows its bound value in #state.
import { mount } from 'svelte';
import Page from './SveltePage.svelte';

mount(Page, { target: document.getElementById('app') });

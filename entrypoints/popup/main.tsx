import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createPopupStore } from '../../utils/stores/popup';
import { browserPopupDeps } from '../../utils/stores/popupDeps';
import { App } from './App';
import '../../components/base.css';
import './style.css';

// Paint at once from storage; the store refreshes from the panel in the background.
const store = createPopupStore(browserPopupDeps(location));
render(
  <App
    store={store}
    onOpenOptions={() => {
      void browser.runtime.openOptionsPage();
      window.close();
    }}
  />,
  document.getElementById('app')!,
);
void store.start();

// While this port is connected the background polls waiting numbers every second; a port cut by
// a stopped worker is opened again (the popup's own close ends it for good).
const watch = () =>
  browser.runtime.connect({ name: 'popup-watch' }).onDisconnect.addListener(() => setTimeout(watch, 500));
watch();

// A popup closes without warning: save what was typed as soon as it is hidden.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void store.flushDraft();
});
addEventListener('pagehide', () => void store.dispose());

import { browser, type Browser } from 'wxt/browser';
import type { Core } from './core';
import type { FillFeature } from './fill';

const MENU_FILL = 'fill-latest-code';
const MENU_COPY = 'copy-latest-code';

/** The triggers feature: the context menu and the keyboard commands that fill (the tab's site's number) or copy a code. */
export function createTriggers(core: Core, fill: FillFeature) {
  const triggers = {
    /** Creates the context menu items, in the person's language (on install and update). */
    async installMenus() {
      const t = await core.translator();
      await browser.contextMenus.removeAll();
      browser.contextMenus.create({
        id: MENU_FILL,
        title: t('menuFillCode'),
        contexts: ['editable', 'page', 'frame'],
      });
      browser.contextMenus.create({ id: MENU_COPY, title: t('menuCopyCode'), contexts: ['all'] });
    },
    async onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) {
      if (info.menuItemId === MENU_FILL) await fill.fillForTrigger(tab?.id);
      if (info.menuItemId === MENU_COPY) await fill.copyLatest();
    },
    async onCommand(command: string, tab?: Browser.tabs.Tab) {
      if (command === 'copy-latest-code') return fill.copyLatest();
      if (command !== 'fill-latest-code') return;
      const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      await fill.fillForTrigger(target?.id);
    },
  };
  // e2e build only: a keyboard command cannot be pressed in headless Chromium, so the tests call the
  // very handler the commands and context-menu listeners call (tests/e2e/attack-fill.test.ts).
  if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { __e2eTriggers: triggers });
  return triggers;
}

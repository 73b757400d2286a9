import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createRouter, isOwnPage } from '../../utils/messaging/router';
import { createBackground, WATCHDOG_ALARM } from './app';
import { parseNoticeId } from './notify';
import { ORDERS_ALARM, trackOrders } from './orders';
import { latestCode } from '../../utils/rentals/machine';

const MENU_FILL = 'fill-latest-code';
const MENU_COPY = 'copy-latest-code';

export default defineBackground(() => {
  const bg = createBackground();
  const base = browser.runtime.getURL('/');

  // Every listener is registered synchronously, so a worker woken by an event never misses it.
  const route = createRouter(bg.handlers, (sender) => isOwnPage(sender, browser.runtime.id, base));
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WATCHDOG_ALARM) void bg.poller.ensureRunning();
    if (alarm.name === ORDERS_ALARM) void trackOrders(bg.handlers);
  });

  browser.runtime.onInstalled.addListener(async () => {
    const t = await bg.translator();
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({
      id: MENU_FILL,
      title: t('menuFillCode'),
      contexts: ['editable', 'page', 'frame'],
    });
    browser.contextMenus.create({ id: MENU_COPY, title: t('menuCopyCode'), contexts: ['all'] });
  });

  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId === MENU_FILL) await bg.fillLatestInTab(tab?.id);
    if (info.menuItemId === MENU_COPY) await bg.copyLatest();
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command === 'copy-latest-code') return bg.copyLatest();
    if (command !== 'fill-latest-code') return;
    const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    await bg.fillLatestInTab(target?.id);
  });

  // Firefox has no notification buttons (and no onButtonClicked): clicking the notification opens the popup.
  browser.notifications.onButtonClicked?.addListener(async (id, index) => {
    const notice = parseNoticeId(id);
    if (notice?.kind !== 'code') return;
    const rental = await bg.store.get(notice.ref);
    const latest = latestCode(rental ? [rental] : []);
    if (!rental || !latest) return;
    if (index === 0) {
      await bg.copyCode(rental, latest.code);
    } else {
      // Fill the tab the number was rented from, else the active tab.
      const tabs = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      const own = rental.tabId !== null ? await browser.tabs.get(rental.tabId).catch(() => null) : null;
      await bg.fillLatestInTab(own?.id ?? tabs[0]?.id, rental);
    }
    await browser.notifications.clear(id);
  });

  browser.notifications.onClicked.addListener(async (id) => {
    await browser.notifications.clear(id);
    const action =
      browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
    // Where the browser refuses to open the popup from here, open it in a tab instead.
    const opened = await Promise.resolve(action?.openPopup?.()).then(
      () => Boolean(action?.openPopup),
      () => false,
    );
    if (!opened) await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  });

  // Keep storage (and so the key) away from content scripts where the browser can (Chrome).
  const local = browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  void local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => undefined);

  void bg.resume();
});

import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createRouter, isOwnPage } from '../../utils/messaging/router';
import { createBackground } from './app';

/**
 * The service worker's entrypoint: it registers listeners and nothing else. Every listener is
 * registered synchronously, so a worker woken by an event never misses it.
 */
export default defineBackground(() => {
  const bg = createBackground();
  const base = browser.runtime.getURL('/');
  const route = createRouter(bg.handlers, (sender) => isOwnPage(sender, browser.runtime.id, base));

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onConnect.addListener((port) =>
    bg.onConnect(port, !!port.sender && isOwnPage(port.sender, browser.runtime.id, base)),
  );
  browser.alarms.onAlarm.addListener((alarm) => bg.onAlarm(alarm.name));
  browser.runtime.onInstalled.addListener(() => bg.triggers.installMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => bg.triggers.onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => bg.triggers.onCommand(command, tab));
  // Firefox has no notification buttons (and no onButtonClicked): clicking the notification opens the popup.
  browser.notifications.onButtonClicked?.addListener((id, index) => bg.notices.onButtonClicked(id, index));
  browser.notifications.onClicked.addListener((id) => bg.notices.onClicked(id));

  void bg.start();
});

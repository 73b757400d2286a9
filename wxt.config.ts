import { defineConfig } from 'wxt';

// The store build asks host access for the default panel only; every other site is optional and
// requested when the person sets another panel or turns on automatic fill for a site.
// The e2e build (`--mode e2e`) also grants http://127.0.0.1/* because headless Chromium cannot
// accept a permission prompt; the sandbox panel and the test pages live there.
// The Firefox e2e build (`-b firefox --mode e2e`) also builds the offscreen page (the tests' quiet page with the
// real client) and lists it and popup.html as web-accessible: WebDriver cannot open moz-extension:// pages, a
// loopback page can. The store builds have neither.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports only: auto-imports hide where a name comes from (and guess wrong on local names).
  imports: false,
  zip: { excludeSources: ['artifacts/**', 'tests/corpus/dist/**', '.tmp/**'] },
  hooks: {
    // Firefox e2e only: the offscreen page (Chrome-only otherwise) is the harness's message page there too.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.browser !== 'firefox' || wxt.config.mode !== 'e2e') return;
      for (const e of entrypoints) if (e.name === 'offscreen') e.skipped = false;
    },
    // webextension-polyfill wraps the background, whose message listeners answer with promises. The
    // extension pages (popup, options, offscreen) only call APIs that return promises natively in
    // Chrome 140+ (the manifest's minimum) and Firefox, and their messages carry answers in an envelope
    // that never rejects (utils/messaging): they use the browser's own namespace, which keeps the popup
    // within its first-paint budget. The autofill script calls no extension API at all (under 8 kB).
    // (The module aliases wxt/browser to the polyfill in every bundle; this removes it outside the background.)
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'background')) return;
      const alias = config.resolve?.alias;
      if (alias && !Array.isArray(alias)) delete (alias as Record<string, string>)['wxt/browser'];
    },
  },
  manifest: ({ browser, manifestVersion, mode }) => {
    const e2e = mode === 'e2e';
    const hosts = ['https://smmonayim.com/*', ...(e2e ? ['http://127.0.0.1/*'] : [])];
    const permissions = ['storage', 'alarms', 'notifications', 'scripting', 'activeTab', 'contextMenus'];
    // Copying a code without a click on the page (notification button, command) needs clipboardWrite;
    // Chrome copies from the worker through an offscreen document, Firefox's background page copies itself.
    permissions.push('clipboardWrite');
    if (browser === 'chrome') permissions.push('offscreen');
    // Spending calls get `Connection: close` (entrypoints/background/spendGuard.ts), so Chromium never
    // silently re-sends a rent or an order on a stale reused connection. No warning: host access only.
    if (browser === 'chrome') permissions.push('declarativeNetRequestWithHostAccess');
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // storage.local.setAccessLevel (which keeps the key from content scripts) works from Chrome 140.
      ...(browser === 'firefox' ? {} : { minimum_chrome_version: '140' }),
      permissions,
      host_permissions: hosts,
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      // MV2 (Firefox) has no optional_host_permissions: optional origins are optional permissions there.
      ...(manifestVersion === 2 ? { optional_permissions: ['https://*/*', 'http://*/*'] } : {}),
      ...(e2e && browser === 'firefox'
        ? { web_accessible_resources: ['popup.html', 'options.html', 'offscreen.html'] }
        : {}),
      action: { default_title: '__MSG_extName__' },
      commands: {
        'fill-latest-code': {
          suggested_key: { default: 'Alt+Shift+F' },
          description: '__MSG_commandFill__',
        },
        'copy-latest-code': {
          suggested_key: { default: 'Alt+Shift+C' },
          description: '__MSG_commandCopy__',
        },
      },
      browser_specific_settings: {
        gecko: {
          id: 'sms-panel@extension',
          strict_min_version: '115.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    };
  },
});

import { browser } from 'wxt/browser';

/** The session rule's id (session rules live until the browser closes; set again on every worker start). */
const RULE_ID = 7_001;

/**
 * Spending calls go out with `Connection: close`, through a declarativeNetRequest session rule (fetch
 * may not set that header itself). The panel then closes each spending connection after its answer,
 * so a spending call never rides a reused keep-alive connection, and Chromium's silent re-send of a
 * request whose reused connection closed without an answer cannot happen to a rent or an order.
 * The rule matches only the extension's own requests (tabId -1) to hosts it may reach: a v1
 * getNumber path, and every v2 call (an order's `add` is named only in the POST body, which a rule
 * cannot read; the few v2 reads pay one new connection each).
 */
export function createSpendGuard() {
  let installed: Promise<void> | null = null;
  const install = async () => {
    const dnr = browser.declarativeNetRequest as typeof browser.declarativeNetRequest | undefined;
    if (!dnr?.updateSessionRules) return; // Firefox build: no permission asked; see README "Known limits"
    const rules: Parameters<typeof dnr.updateSessionRules>[0] = {
      removeRuleIds: [RULE_ID],
      addRules: [
        {
          id: RULE_ID,
          priority: 1,
          condition: {
            regexFilter: '^https?://[^/]+/api/(v1/[^/]+/getNumber/[^/?#]+|v2/?)$',
            tabIds: [-1],
            resourceTypes: ['xmlhttprequest', 'other'],
          },
          action: {
            type: 'modifyHeaders',
            requestHeaders: [
              {
                header: 'connection',
                operation: 'set',
                value: 'close',
              },
            ],
          },
        },
      ],
    };
    await dnr.updateSessionRules(rules);
  };
  return {
    /** Installs the rule once per worker; a spending call waits for it (a failure never blocks one). */
    ready(): Promise<void> {
      installed ??= install().catch(() => {
        installed = null;
      });
      return installed;
    },
  };
}

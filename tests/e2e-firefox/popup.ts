import type { Page } from 'puppeteer-core';
import type { FirefoxHarness } from './harness';

let marks = 0;

/**
 * The toolbar popup in Firefox, opened as a tab, driven with trusted input (page.click, typing):
 * Firefox grants permissions.request only inside a real user input.
 */
export class FirefoxPopup {
  private constructor(readonly page: Page) {}

  /** Opens popup.html (with `?tab=<id>` to target a page) and waits until it has rendered. */
  static async open(ff: FirefoxHarness, query = ''): Promise<FirefoxPopup> {
    const page = await ff.openPage(`popup.html${query}`);
    await page.setViewport({ width: 380, height: 600 });
    await page.waitForSelector('.popup-main');
    await page.waitForFunction(() => !document.querySelector('.popup-main > .skeleton'));
    return new FirefoxPopup(page);
  }

  /**
   * Waits for the first `selector` whose text contains `hasText` (then its `inner` descendant),
   * tags it, and answers a selector for it (so page.click can press it as a person would).
   */
  async find(selector: string, hasText = '', inner = '', timeout = 15_000): Promise<string> {
    const tag = `m${++marks}`;
    await this.page.waitForFunction(
      (selector, hasText, inner, tag) => {
        const hit = [...document.querySelectorAll(selector)].find((e) => e.textContent?.includes(hasText));
        const target = hit && inner ? hit.querySelector(inner) : hit;
        if (!target) return false;
        target.setAttribute('data-e2e', tag);
        return true;
      },
      { timeout },
      selector,
      hasText,
      inner,
      tag,
    );
    return `[data-e2e="${tag}"]`;
  }

  /** The text of the element `find` answers. */
  async text(selector: string, hasText = '', inner = '', timeout?: number): Promise<string> {
    const sel = await this.find(selector, hasText, inner, timeout);
    return this.page.$eval(sel, (e) => e.textContent ?? '');
  }

  /** Clicks (trusted input) the element `find` answers. */
  async click(selector: string, hasText = '', inner = ''): Promise<void> {
    await this.page.click(await this.find(selector, hasText, inner));
  }

  /** Types the key and the panel address into the first-run form and presses Save. */
  async saveKey(key: string, origin: string): Promise<void> {
    await this.page.locator('#setup-key').fill(key);
    await this.page.locator('#setup-origin').fill(origin);
    await this.page.click('.setup button[type=submit]');
  }

  /** Back to the category list if the popup reopened inside one, then into `name`. */
  async openCategory(name: string): Promise<void> {
    const back = await this.page.$('.section-head .link-btn');
    if (back) await back.click();
    await this.click('.category', name);
    await this.page.waitForSelector('[data-testid=service-row]');
  }

  /** Presses Rent on a service row. */
  async rent(service: string): Promise<void> {
    await this.click('[data-testid=service-row]', service, '.btn-rent');
  }

  /** The text of a part of the card of the number rented for `service`. */
  rentalText(service: string, inner: string, timeout?: number): Promise<string> {
    return this.text('[data-testid=rental]', service, inner, timeout);
  }

  /** Clicks a button on the card of the number rented for `service`. */
  clickOnRental(service: string, inner: string): Promise<void> {
    return this.click('[data-testid=rental]', service, inner);
  }
}

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness';

/** Where the e2e run saves screenshots of the popup's main states. */
export const SCREENSHOT_DIR = resolve('artifacts/screenshots');

/**
 * The toolbar popup, opened as a tab at the popup's size. Locators use roles and test ids; where a
 * visible name is needed it is passed in, so the same page object drives the English and Turkish popup.
 */
export class PopupPage {
  private constructor(readonly page: Page) {}

  /** Opens popup.html (with `?tab=<id>` to target a page) at about the real popup size. */
  static async open(ext: ExtensionHarness, query = ''): Promise<PopupPage> {
    const page = await ext.openPopup(query);
    await page.setViewportSize({ width: 380, height: 600 });
    const popup = new PopupPage(page);
    await page.locator('.popup-main').waitFor();
    await page.locator('.popup-main > .skeleton').waitFor({ state: 'detached' });
    return popup;
  }

  // First run
  keyField(): Locator {
    return this.page.locator('#setup-key');
  }
  originField(): Locator {
    return this.page.locator('#setup-origin');
  }
  /** Types the key (and origin) and presses Save. */
  async saveKey(key: string, origin?: string): Promise<void> {
    await this.keyField().fill(key);
    if (origin !== undefined) await this.originField().fill(origin);
    await this.page.locator('.setup button[type=submit]').click();
  }
  keyError(): Locator {
    return this.page.getByTestId('key-error');
  }

  // Header and tabs
  balance(): Locator {
    return this.page.getByTestId('balance-amount');
  }
  tab(name: string): Locator {
    return this.page.getByRole('tab', { name });
  }

  // Renting
  category(name: string): Locator {
    return this.page.locator('.category', { hasText: name });
  }
  /** Back to the category list when the popup reopened inside a category (the draft remembers it). */
  async showCategories(): Promise<void> {
    const back = this.page.locator('.section-head .link-btn');
    if (await back.count()) await back.first().click();
    await this.page.locator('.category').first().waitFor();
  }
  async openCategory(name: string): Promise<void> {
    await this.showCategories();
    await this.category(name).click();
    await this.page.getByTestId('service-row').first().waitFor();
  }
  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox').fill(text);
  }
  serviceRow(name: string): Locator {
    return this.page
      .getByTestId('service-row')
      .filter({ has: this.page.locator('.service-name', { hasText: name }) });
  }
  async serviceNames(): Promise<string[]> {
    return this.page.locator('[data-testid=service-row] .service-name').allTextContents();
  }
  rentButton(service: string): Locator {
    return this.serviceRow(service).locator('.btn-rent');
  }

  // Active numbers
  rental(service: string): Locator {
    return this.page.getByTestId('rental').filter({ hasText: service });
  }
  numberOf(service: string): Locator {
    return this.rental(service).getByTestId('phone-number');
  }
  codeOf(service: string): Locator {
    return this.rental(service).getByTestId('code');
  }
  async copyCode(service: string): Promise<void> {
    await this.rental(service).locator('.code-box .btn-primary').click();
  }
  async fillCode(service: string): Promise<void> {
    await this.rental(service).locator('.code-box .btn:not(.btn-primary)').click();
  }
  async cancel(service: string): Promise<void> {
    await this.rental(service).locator('.btn-danger').click();
  }
  /** The sentence under a number (copied, filled, the panel's answer to a cancel…). */
  noteOf(service: string): Locator {
    return this.rental(service).getByTestId('rental-note');
  }
  /** Done (code used) or Dismiss: the number leaves the list for the history. */
  async finish(service: string): Promise<void> {
    await this.rental(service).locator('.row-end .btn:not(.btn-danger):not(.btn-again)').click();
  }
  notices(): Locator {
    return this.page.getByTestId('notice');
  }
  liveRegion(): Locator {
    return this.page.getByTestId('live-region');
  }

  /** Saves a screenshot of the popup to artifacts/screenshots/<name>.png. */
  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
}

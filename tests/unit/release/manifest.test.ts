import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../../wxt.config';

/** The manifest wxt.config.ts writes for a browser and build mode (before WXT converts it for MV2). */
async function manifestFor(browser: string, mode: string): Promise<UserManifest> {
  const env: ConfigEnv = { browser, mode, command: 'build', manifestVersion: browser === 'firefox' ? 2 : 3 };
  const m = config.manifest;
  if (typeof m !== 'function')
    throw new Error('wxt.config.ts should build the manifest per browser and mode');
  return m(env);
}

const PANEL = 'https://smmonayim.com/*';

describe('the manifest wxt.config.ts builds', () => {
  it.each(['chrome', 'firefox', 'edge'])(
    '%s store build: host access to the panel only, all else optional',
    async (browser) => {
      const m = await manifestFor(browser, 'production');
      expect(m.host_permissions).toEqual([PANEL]);
      expect(m.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
      expect(m.permissions ?? []).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/^(<all_urls>|\*:|https?:|tabs$|webRequest)/)]),
      );
      expect(m.content_scripts ?? []).toEqual([]);
      expect(m.content_security_policy).toBeUndefined();
    },
  );

  it('the e2e build adds only the local test origin', async () => {
    const m = await manifestFor('chrome', 'e2e');
    expect(m.host_permissions).toEqual([PANEL, 'http://127.0.0.1/*']);
    expect((await manifestFor('chrome', 'production')).host_permissions).not.toContain('http://127.0.0.1/*');
  });

  it('asks for offscreen documents on Chrome only (Firefox has no offscreen API)', async () => {
    expect((await manifestFor('chrome', 'production')).permissions).toContain('offscreen');
    expect((await manifestFor('firefox', 'production')).permissions).not.toContain('offscreen');
  });

  it('gives Firefox an add-on id and a data-collection statement (AMO refuses a build without them)', async () => {
    const gecko = (await manifestFor('firefox', 'production')).browser_specific_settings?.gecko as
      { id?: string; data_collection_permissions?: { required?: string[] } } | undefined;
    expect(gecko?.id).toMatch(/@|^\{[0-9a-f-]+\}$/);
    expect(gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('names itself through _locales, so the stores list it in English and Turkish', async () => {
    const m = await manifestFor('chrome', 'production');
    expect(m.name).toBe('__MSG_extName__');
    expect(m.description).toBe('__MSG_extDescription__');
    expect(m.default_locale).toBe('en');
  });

  it('the toolbar tooltip is localised too (WXT takes it from the popup page title)', () => {
    const html = readFileSync(resolve('entrypoints/popup/index.html'), 'utf8');
    expect(html).toMatch(/<title>__MSG_extName__<\/title>/);
  });
});

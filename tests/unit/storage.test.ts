import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsItem } from '../../utils/storage';
import { DEFAULT_SETTINGS, normalizeOrigin, sanitizeSettings } from '../../utils/settings';

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to the defaults when nothing is stored', async () => {
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates the v1 shape (poll interval in ms, per-site autofill map) to v2', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        pollIntervalMs: 5000,
        numberWindowMin: 15,
        autoCancel: false,
        notifications: true,
        language: 'tr',
        autofill: { 'https://a.example': true, 'https://b.example': false },
      },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    const s = await settingsItem.getValue();
    expect(s).toMatchObject({
      pollIntervalSec: 5,
      numberWindowMin: 15,
      autoCancel: false,
      language: 'tr',
      autofillSites: ['https://a.example'],
    });
    expect(s).not.toHaveProperty('pollIntervalMs');
    expect(s).not.toHaveProperty('autofill');
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
  });

  it('sanitizes out-of-range and odd values, keeping what is valid', () => {
    const s = sanitizeSettings({
      pollIntervalSec: 0,
      numberWindowMin: 999,
      language: 'de' as never,
      autofillSites: ['https://ok.example', 'javascript:alert(1)', 'https://ok.example', 3 as never],
    });
    expect(s.pollIntervalSec).toBe(1);
    expect(s.numberWindowMin).toBe(60);
    expect(s.language).toBe('auto');
    expect(s.autofillSites).toEqual(['https://ok.example']);
  });

  it('normalizes a panel origin typed by a person', () => {
    expect(normalizeOrigin(' panel.example/ ')).toBe('https://panel.example');
    expect(normalizeOrigin('http://127.0.0.1:8787/api/v2')).toBe('http://127.0.0.1:8787');
    expect(normalizeOrigin('ftp://x')).toBeNull();
    expect(normalizeOrigin('')).toBeNull();
  });
});

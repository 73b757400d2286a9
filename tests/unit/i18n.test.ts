import { describe, expect, it } from 'vitest';
import { catalogs, createT } from '../i18n';
import { localeOf, pickLang, translatorOf } from '../../utils/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the _locales catalogs', () => {
  it('Turkish has every English key and no other, with the same placeholders', () => {
    expect(Object.keys(catalogs.tr).sort()).toEqual(Object.keys(catalogs.en).sort());
    for (const [key, value] of Object.entries(catalogs.en)) {
      expect(placeholders(catalogs.tr[key]!.message), key).toEqual(placeholders(value!.message));
    }
  });

  it('has no empty message and no "$" (which Chrome reads as a substitution)', () => {
    for (const lang of ['en', 'tr'] as const) {
      for (const [key, value] of Object.entries(catalogs[lang])) {
        expect(value!.message.trim(), `${lang}.${key}`).not.toBe('');
        expect(value!.message, `${lang}.${key}`).not.toContain('$');
      }
    }
  });

  it('the Turkish catalog is really Turkish, not a copy of the English one', () => {
    const same = Object.keys(catalogs.en).filter((k) => catalogs.en[k]!.message === catalogs.tr[k]!.message);
    expect(same.length / Object.keys(catalogs.en).length).toBeLessThan(0.15);
  });
});

describe('translator', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(translatorOf({ a: { message: 'Kod {code} · {x}' } })('a' as never, { code: '048213' })).toBe(
      'Kod 048213 · {x}',
    );
    expect(createT('tr')('actionCopy')).toBe('Kopyala');
  });

  it('picks the language from the setting, else from the browser', () => {
    expect(pickLang('auto', 'tr-TR')).toBe('tr');
    expect(pickLang('auto', 'en-GB')).toBe('en');
    expect(pickLang('en', 'tr')).toBe('en');
    expect(pickLang(undefined, undefined)).toBe('en');
    expect(localeOf('tr')).toBe('tr-TR');
  });
});

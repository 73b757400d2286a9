import { describe, expect, it } from 'vitest';
import { PANEL_ERROR_KINDS, panelErrorKey } from '../../../utils/api/errors';
import type { Lang, MessageKey } from '../../../utils/i18n';
import { MESSAGE_ERROR_CODES, messageErrorKey } from '../../../utils/messaging/errors';
import { catalogs } from '../../i18n';

const LANGS: Lang[] = ['en', 'tr'];
/** The `{name}` placeholders of a sentence, sorted, so two languages can be compared. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every sentence an error can show a person: one per panel error kind and per MessageError code. */
const ERROR_KEYS: [string, MessageKey][] = [
  ...PANEL_ERROR_KINDS.map((kind): [string, MessageKey] => [`panel error ${kind}`, panelErrorKey(kind)]),
  ...MESSAGE_ERROR_CODES.map((code): [string, MessageKey] => [
    `message error ${code}`,
    messageErrorKey(code),
  ]),
];

describe('every error a person can see has a sentence in every language', () => {
  it('walks every kind and every code', () => {
    expect(PANEL_ERROR_KINDS.length).toBeGreaterThanOrEqual(10);
    expect(MESSAGE_ERROR_CODES).toEqual(
      expect.arrayContaining(['no_field', 'bad_origin', 'order_not_found']),
    );
    expect(new Set(ERROR_KEYS.map(([, key]) => key)).size).toBe(ERROR_KEYS.length);
  });

  it.each(ERROR_KEYS)('%s (%s): non-empty in en and tr, Turkish differs, same placeholders', (_, key) => {
    const [en, tr] = LANGS.map((lang) => catalogs[lang][key]?.message?.trim() ?? '');
    expect(en, `en ${key}`).not.toBe('');
    expect(tr, `tr ${key}`).not.toBe('');
    expect(tr).not.toBe(en);
    expect(placeholders(tr!)).toEqual(placeholders(en!));
  });

  it('the order that is not in the list is named in both languages', () => {
    for (const lang of LANGS)
      expect(catalogs[lang][messageErrorKey('order_not_found')]?.message).toContain('{id}');
  });
});

import { describe, expect, it } from 'vitest';
import table from '../../../utils/sites/sites.json';
import { findSiteEntry, matchCategory, nameScore, siteLabel, siteOfOrigin } from '../../../utils/sites/match';

const entryFor = (origin: string) => {
  const site = siteOfOrigin(origin);
  return site ? findSiteEntry(site, table) : null;
};
const nameFor = (origin: string) => entryFor(origin)?.name ?? null;

describe('site table: which service a page is for', () => {
  it('a site is recognised by its own domain and every subdomain', () => {
    expect(nameFor('https://discord.com')).toBe('Discord');
    expect(nameFor('https://google.com')).toBe('Google');
    expect(nameFor('https://accounts.google.com')).toBe('Google');
    expect(nameFor('https://web.whatsapp.com')).toBe('WhatsApp');
    expect(nameFor('https://web.telegram.org')).toBe('Telegram');
    expect(nameFor('https://login.live.com')).toBe('Microsoft');
    expect(nameFor('https://outlook.com')).toBe('Microsoft');
    expect(nameFor('https://x.com')).toBe('X');
    expect(nameFor('https://mobile.twitter.com')).toBe('X');
    expect(nameFor('https://chatgpt.com')).toBe('OpenAI');
    expect(nameFor('https://www.yemeksepeti.com')).toBe('Yemeksepeti');
  });

  it('country variants of a site are the same site (google.com.tr, amazon.de, amazon.co.uk)', () => {
    expect(nameFor('https://www.google.com.tr')).toBe('Google');
    expect(nameFor('https://www.amazon.de')).toBe('Amazon');
    expect(nameFor('https://www.amazon.co.uk')).toBe('Amazon');
    expect(siteLabel('accounts.google.com.tr')).toBe('google');
  });

  it('a loopback name such as discord.localhost (the end-to-end page) is the site "discord"', () => {
    expect(siteLabel('discord.localhost')).toBe('discord');
    expect(nameFor('http://discord.localhost:8123')).toBe('Discord');
  });

  it('a site that matches nothing, an IP address, a browser page or a bare name gives no service', () => {
    expect(nameFor('https://shop.example')).toBeNull();
    expect(nameFor('https://my-blog.com')).toBeNull();
    expect(nameFor('http://127.0.0.1:8080')).toBeNull();
    expect(nameFor('chrome://extensions')).toBeNull();
    expect(siteLabel('localhost')).toBeNull();
    expect(siteOfOrigin(null)).toBeNull();
    // "discordance" is another site: the own name must be the domain's, not start with it.
    expect(nameFor('https://discordance.com')).toBeNull();
  });
});

describe("site table: the service's name in a panel", () => {
  const google = findSiteEntry('google', table)!;
  const x = findSiteEntry('x', table)!;
  const tiktok = findSiteEntry('tiktok', table)!;
  const yemek = findSiteEntry('yemeksepeti', table)!;
  const microsoft = findSiteEntry('live', table)!;

  it('matches Turkish spellings and case: "TİKTOK", "TıkTok", "Yemek Sepeti", "YEMEKSEPETİ"', () => {
    expect(nameScore('TİKTOK', tiktok)).toBe(3);
    expect(nameScore('Yemek Sepeti', yemek)).toBeGreaterThan(0);
    expect(nameScore('YEMEKSEPETİ', yemek)).toBe(3);
    expect(nameScore('Tik Tok', tiktok)).toBeGreaterThan(0);
    // Inside a longer name, and typed with a dotless ı: only folding makes these the same word.
    expect(nameScore('TİKTOK Hesap', tiktok)).toBe(1);
    expect(nameScore('TıkTok', tiktok)).toBe(3);
  });

  it('matches an alias and a whole word inside a longer name ("X", "Twitter / X", "Hotmail / Outlook")', () => {
    expect(nameScore('X', x)).toBe(3);
    expect(nameScore('Twitter', x)).toBe(2);
    expect(nameScore('Twitter / X', x)).toBeGreaterThan(0);
    expect(nameScore('Hotmail / Outlook', microsoft)).toBeGreaterThan(0);
    expect(nameScore('Google Voice', google)).toBe(1);
  });

  it('a word is not a piece of another word ("Xbox" is not X, "Googleplex" is not Google)', () => {
    expect(nameScore('Xbox', x)).toBe(0);
    expect(nameScore('Googleplex', google)).toBe(0);
  });

  it('picks the category that is the name itself over one that only contains it', () => {
    const categories = [
      { id: 1, name: 'Google Voice' },
      { id: 2, name: 'GOOGLE' },
      { id: 3, name: 'Discord' },
    ];
    expect(matchCategory(google, categories, {})).toEqual({ entry: google, categoryId: 2, serviceIds: null });
  });

  it('finds a category by an alias: "Twitter / X" for x.com', () => {
    const categories = [
      { id: 6, name: 'Twitter / X' },
      { id: 7, name: 'Xbox Live' },
    ];
    expect(matchCategory(x, categories, {})?.categoryId).toBe(6);
  });

  it("falls back to the services' names when no category carries it (only those services)", () => {
    const categories = [{ id: 9, name: 'Diğer' }];
    const services = {
      '9': {
        at: 0,
        rows: [
          { id: 91, name: 'Yemek Sepeti Türkiye', categoryId: 9, price: 1, stock: 3, pricedAt: null },
          { id: 92, name: 'Getir Türkiye', categoryId: 9, price: 1, stock: 3, pricedAt: null },
        ],
      },
    };
    expect(matchCategory(yemek, categories, services)).toEqual({
      entry: yemek,
      categoryId: 9,
      serviceIds: [91],
    });
  });

  it('a panel whose categories do not include the service gives no match', () => {
    const categories = [
      { id: 1, name: 'WhatsApp' },
      { id: 2, name: 'Telegram' },
    ];
    expect(matchCategory(google, categories, {})).toBeNull();
  });
});

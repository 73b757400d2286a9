/**
 * What a panel's words mean: classification of its error texts (English, Turkish, raw keys) and the readable
 * text of an HTML error page. The stems come from the common SMM panel scripts' API answers and translations.
 */

import { fold } from '../fold.ts';
import type { PanelErrorKind } from './errors.ts';

/** Lowercases, folds Turkish letters and diacritics, splits raw keys ("neworder.error.not_enough_funds"). */
function foldText(text: string): string {
  return fold(text.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Families of stems, tried in the order of `classifyPanelText`: the first family that matches wins.
const KEY_WORD = /\b(api ?key|apikey|key|anahtar\w*|token|api kodu)\b/;
const WRONG_WORD =
  /\b(invalid|incorrect|wrong|bad|unknown|not valid|not found|missing|required|empty|expired|revoked|gecersiz\w*|hatali|yanlis|bulunamadi|eksik|bos|tanimsiz)\b/;
// "API is Disable for this user or User Not Found!" (and its Turkish form), a suspended or banned account:
// the key cannot be used, whatever "not found" says.
const KEY_UNUSABLE =
  /\bapi\b.*\b(disabled?|deactivated|inactive|not active|devre disi|kapali|pasif)\b|\b(user|kullanici) (not found|bulunamadi)\b|\b(account|user|hesap|hesab|kullanici)\w* (has been |is |was )?(suspended|banned|blocked|disabled|deactivated|askiya alindi|engellendi|kapatildi|devre disi)\b/;
const AUTH_FAILURE =
  /\b(unauthori[sz]ed|unauthenticated|authentication failed|auth failed|not authori[sz]ed|access denied|yetkisiz|erisim reddedildi|oturum)\b/;
// A cross-site-request-forgery page names a token, but it is the panel's web firewall, not the API key.
const CSRF = /\b(csrf|xsrf)\b|\bpage expired\b/;
const OUT_OF_STOCK =
  /\bstok\w*|\bstock\b|\bsold out\b|\btukendi\b|\bno (free |available )?(numbers?|phones?)\b|\bnumbers? (is |are )?(not available|unavailable)\b|\bnot enough numbers\b|\bnumara\w* (yok|kalmadi|mevcut degil|tukendi)\b/;
const FUNDS =
  /\binsufficient\b|\bnot enough (funds?|money|balance|bakiye)\b|\bno (funds?|money|balance)\b|\blow balance\b|\bfunds?\b|\byetersiz\b|\b(bakiye\w*|paraniz|para) (yok|yetmiyor|yeterli degil|az)\b|\bbalance (is )?(too low|not enough)\b/;
// "You have active order with this link", Perfect Panel's raw `neworder.error.link_duplicate`, Turkish forms.
const ACTIVE_ORDER =
  /\bactive orders?\b|\blink duplicate\b|\bduplicate (order|link)\b|\b(aktif|devam eden|bekleyen|tamamlanmamis) (bir )?siparis\w*\b/;
const RATE_LIMIT =
  /\btoo many (requests|attempts|tries|calls|connections)\b|\brate ?limit\w*|\brequest limit\b|\bthrottl\w*|\bslow down\b|\bflood\b|\bcok fazla (istek|deneme|talep)\b|\bcok sik\b|\bistek limit\w*/;
// A service the panel switched off. "Unavailable" stays with the panel being down (a 503 page says it).
const SERVICE_OFF =
  /\b(service|servis|hizmet)\w*( id)?( is| has been| su anda| suan)? (disabled?|deactivated|inactive|not active|devre disi|kapali|kapatildi|pasif|aktif degil)\b|\b(disabled|deactivated|inactive) (service|servis)\b|\bservice (disabled|inactive|off)\b/;
const UNAVAILABLE =
  /\bmaintenance\b|\bbakim\w*|\bunavailable\b|\btemporarily\b|\bgecici olarak\b|\bserver error\b|\binternal error\b|\bbad gateway\b|\bgateway\b|\bsunucu hatasi\b/;
const NOT_FOUND =
  /\b(incorrect|invalid|wrong|unknown|hatali|gecersiz|yanlis|bilinmeyen) (order|siparis|number|numara|refill|activation)\b|\b(order|siparis|number|numara|refill|activation)\w* (id )?(not found|bulunamadi|does not exist|yok)\b|\bnot found\b|\bbulunamadi\b|\bno such\b|\bdoes not exist\b/;
const INVALID_INPUT =
  /\b(incorrect|invalid|wrong|bad|hatali|gecersiz\w*|yanlis|eksik|missing|required|gerekli\w*|zorunlu\w*|must|not allowed|izin verilmiyor|too (short|long|few)|less than|more than|greater than|minimal|maximal|minimum|maximum|min|max|link|url|quantity|miktar\w*|adet|comments?|yorum\w*|runs|interval|usernames?|hashtags?|services?|servis\w*|dripfeed|drip feed|not support\w*|parametre\w*|parameters?|request|istek)\b/;

/** True when the text says the API key itself is wrong or cannot be used (not only "access denied"). */
export function saysKeyIsWrong(text: string): boolean {
  const t = foldText(text);
  if (!t || CSRF.test(t)) return false;
  return (KEY_WORD.test(t) && WRONG_WORD.test(t)) || KEY_UNUSABLE.test(t);
}

/** Classifies a panel's error text (English, Turkish or a raw key) by tolerant stem matching; unknown → 'unexpected'. */
export function classifyPanelText(text: string): PanelErrorKind {
  const t = foldText(text);
  if (!t) return 'unexpected';
  if (CSRF.test(t)) return 'refused';
  if (saysKeyIsWrong(text) || AUTH_FAILURE.test(t)) return 'bad_key';
  if (OUT_OF_STOCK.test(t)) return 'out_of_stock';
  if (FUNDS.test(t)) return 'insufficient_funds';
  if (ACTIVE_ORDER.test(t)) return 'active_order';
  if (RATE_LIMIT.test(t)) return 'rate_limited';
  if (SERVICE_OFF.test(t)) return 'service_disabled';
  if (UNAVAILABLE.test(t)) return 'unavailable';
  if (NOT_FOUND.test(t)) return 'not_found';
  if (INVALID_INPUT.test(t)) return 'invalid_input';
  return 'unexpected';
}

const HTML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};
const SENTENCE_LIMIT = 160;
/** Titles that name no cause ("Error", "Hata", "403"): the page's paragraph says more. */
const GENERIC_TITLE = /^(error|hata|\d{3})[.!]?$/i;

/** The text of an HTML fragment: tags dropped, a few entities decoded, spaces collapsed. Never HTML. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => HTML_ENTITIES[e] ?? ' ')
    .replace(/[<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence of a text, cut to a readable length. */
function firstSentence(text: string): string {
  const m = /^.+?[.!?](?=\s|$)/.exec(text);
  const s = m ? m[0] : text;
  return s.length > SENTENCE_LIMIT ? `${s.slice(0, SENTENCE_LIMIT - 1).trimEnd()}…` : s;
}

function firstText(body: string, tag: RegExp): string {
  for (const m of body.matchAll(tag)) {
    const text = textOf(m[1] ?? '');
    if (text) return text;
  }
  return '';
}

/**
 * What an HTML error page says, as text: its heading and the first sentence of its first paragraph
 * ("Sorry, you have been blocked. This website is using a security service…"). The <title> is used only when
 * the page has no heading, so a generic "Error" title does not hide the page's own words.
 */
export function htmlSummary(html: string): string | undefined {
  const body = html.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const heading = firstSentence(firstText(body, /<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]\s*>/gi));
  const paragraph = firstSentence(firstText(body, /<p\b[^>]*>([\s\S]*?)<\/p\s*>/gi));
  const title = firstSentence(firstText(body, /<title[^>]*>([\s\S]*?)<\/title\s*>/gi));
  const head = heading || (GENERIC_TITLE.test(title) ? '' : title);
  if (head && paragraph && paragraph !== head)
    return `${head}${/[.!?:…]$/.test(head) ? ' ' : '. '}${paragraph}`;
  return head || paragraph || title || undefined;
}

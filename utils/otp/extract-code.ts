/** What a panel's `code` text holds: the code to fill (null when none is found) and the whole text. */
export interface ExtractedCode {
  code: string | null;
  message: string;
}

// Words that label a code, as prefixes (Turkish and Russian add suffixes: "kodunuz", "кодом").
const KEYWORD =
  '(?:code|codice|c[oó]digo|kod|код|pin|otp|passcode|password|parol|пароль|şifre|sifre|kennwort|token|验证码|認証コード)';
const KEYWORD_RE = new RegExp(`(?<!\\p{L})${KEYWORD}\\p{L}*`, 'giu');
// A keyword, at most two short words, a connector, then a letters-and-digits token: "Your code is AB12CD".
const LABELLED_ALNUM_RE = new RegExp(
  `(?<!\\p{L})${KEYWORD}\\p{L}*(?:\\s+(?:is|ist|est|es|é|è|это|:))?\\s*[:=\\-–]?\\s*([A-Za-z0-9]{4,10})(?![\\p{L}\\p{N}])`,
  'iu',
);
// Runs of digits joined by single spaces or dashes ("847 392", "123-456"), not glued to letters or a "+".
const DIGIT_RUN_RE = /(?<![\p{L}\p{N}+#])\d+(?:[ -]\d+)*(?![\p{L}\p{N}])/gu;

/** Spans that hold digits but are never the code; each is blanked before looking for one. */
const NOT_CODES: readonly RegExp[] = [
  /\b(?:https?:\/\/|www\.)\S+/giu, // links (t.me/login/12345…)
  /\b[\w-]+(?:\.[\w-]+)+\/\S*/giu, // bare links (g.co/verify/1234)
  /\S+@[\w-]+(?:\.[\w-]+)+/gu, // e-mail addresses
  /\+\s?\d[\d\s().-]{6,}\d/gu, // international phone numbers
  /\(\d{1,4}\)\s?\d[\d\s.-]{4,}\d/gu, // (555) 123-4567
  /\b\d{4}-\d{2}-\d{2}\b/gu, // ISO dates
  /\b\d{1,2}:\d{2}(?::\d{2})?\b/gu, // times
  /\d+(?:[.,/]\d+)+/gu, // dates with dots or slashes, decimals, 1,000
  /[$€£₺₽¥₹]\s?\d[\d\s]*/gu, // amounts after a currency sign
  /\d[\d\s]*\s?(?:[$€£₺₽¥₹%]|(?:usd|eur|gbp|tl|try|rub|руб|lira|dollars?)(?!\p{L}))/giu, // amounts before one
];

/** The Android SMS Retriever hash: 11 base64 characters as the message's last word. */
const APP_HASH_RE = /\s[A-Za-z0-9+/]{11}\s*$/u;

interface Candidate {
  code: string;
  start: number;
  end: number;
}

const isYear = (d: string) => /^(?:19|20)\d\d$/.test(d);

/** Blanks what is never a code, keeping every other character where it was. */
function blankNonCodes(text: string): string {
  let out = text;
  for (const re of NOT_CODES) out = out.replace(re, (m) => ' '.repeat(m.length).replace(/^ /, '|'));
  return out;
}

/** Strips the "<#>" prefix and a trailing app hash (mixed case or with +/, or after "<#>"). */
function stripRetrieverMarks(text: string): string {
  const prefixed = /^<#>/.test(text);
  let out = prefixed ? `   ${text.slice(3)}` : text;
  const hash = APP_HASH_RE.exec(out);
  if (hash) {
    const word = hash[0].trim();
    const looksHashed = /[+/]/.test(word) || (/[a-z]/.test(word) && /[A-Z]/.test(word));
    if (prefixed || looksHashed) out = out.slice(0, hash.index) + ' '.repeat(hash[0].length);
  }
  return out;
}

/** Digit runs of 4–8 digits; a run of short groups is one code ("12 34 56"), a longer one a phone number. */
function digitCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(DIGIT_RUN_RE)) {
    const groups = m[0].split(/[ -]/);
    const digits = groups.join('');
    if (groups.length > 1 && groups.every((g) => g.length >= 2 && g.length <= 4)) {
      if (digits.length >= 4 && digits.length <= 8)
        out.push({ code: digits, start: m.index, end: m.index + m[0].length });
      continue; // 9+ digits in short groups: a phone number, none of its parts is the code
    }
    let at = m.index;
    for (const g of groups) {
      if (g.length >= 4 && g.length <= 8) out.push({ code: g, start: at, end: at + g.length });
      at += g.length + 1;
    }
  }
  return out;
}

/** True when a keyword ends within 40 characters before `start` with no digit in between. */
function labelledBefore(text: string, keywords: number[], start: number): boolean {
  return keywords.some((end) => end <= start && start - end <= 40 && !/\d/.test(text.slice(end, start)));
}

/**
 * Finds the one-time code in an SMS the way phones do: a run of 4–8 digits (groups split by a space
 * or a dash joined), preferring the one a keyword (code, kod, код, PIN…) labels; phone numbers,
 * dates, times, amounts, links, the "<#>" prefix and the app hash are never taken. A code with
 * letters is taken only right after such a keyword. A bare code comes back as it is.
 */
export function extractCode(text: string): ExtractedCode {
  const message = text.trim();
  if (!message) return { code: null, message };
  // A bare code: one word of letters and digits, with a digit (or all capitals, as some services send).
  if (/^[A-Za-z0-9]{1,12}$/.test(message) && (/\d/.test(message) || /^[A-Z]{4,8}$/.test(message))) {
    return { code: message, message };
  }
  // Origin-bound one-time codes (WebOTP): a last line "@example.com #123456" names the code itself.
  const bound = /(?:^|\s)@[\w.-]+\.[a-z]{2,}\s+#([A-Za-z0-9]{3,12})\s*$/iu.exec(message);
  if (bound) return { code: bound[1]!, message };

  const clean = blankNonCodes(stripRetrieverMarks(message));
  const keywords = [...clean.matchAll(KEYWORD_RE)].map((m) => m.index + m[0].length);
  const digits = digitCandidates(clean);

  const labelled = digits.find((c) => labelledBefore(clean, keywords, c.start));
  if (labelled) return { code: labelled.code, message };

  const alnum = LABELLED_ALNUM_RE.exec(clean)?.[1];
  if (alnum && ((/\d/.test(alnum) && /\p{L}/u.test(alnum)) || /^[A-Z]{4,8}$/.test(alnum))) {
    return { code: alnum, message };
  }

  // No label right before a code: a keyword after it ("G-123456 is your code") or the first that is no year.
  const followed = digits.find((c) =>
    keywords.some((end) => end > c.end && end - c.end <= 60 && !/\d/.test(clean.slice(c.end, end))),
  );
  const pick = followed ?? digits.find((c) => !isYear(c.code)) ?? digits[0];
  return { code: pick?.code ?? null, message };
}

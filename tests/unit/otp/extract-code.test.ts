import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCode } from '../../../utils/otp/extract-code';
import { isPlausibleCode } from '../../../utils/otp/plausible';

/** Whole messages as panels deliver them, and the code a phone would offer (null: none). */
const REAL_WORLD: [string, string | null][] = [
  ['G-123456 is your Google verification code.', '123456'],
  ['Your WhatsApp code: 123-456', '123456'],
  [
    'Your WhatsApp code 123-456\nYou can also tap this link to verify your phone: v.whatsapp.com/123456',
    '123456',
  ],
  ['<#> 482913 is your code FA+9qCX9VSu', '482913'],
  ['<#> Your App verification code is: 123456 FA+9qCX9VSu', '123456'],
  ['Telegram code 12345', '12345'],
  [
    'Telegram code: 54321\n\nYou can also tap on this link to log in:\nhttps://t.me/login/54321\n\nvKBz2ZiGcaT',
    '54321',
  ],
  ['Ваш код подтверждения: 4821', '4821'],
  ['Doğrulama kodunuz: 739201', '739201'],
  ['Your Uber code is 1234. Never share this code.', '1234'],
  ['Use 847 392 to verify', '847392'],
  ['Your code is AB12CD', 'AB12CD'],
  ['Your Example verification code is: 674931. This code will expire in 10 minutes.', '674931'],
  ['308121 is your authentication code for Example Co.', '308121'],
  ['Example Company verification code for password change: 574931.', '574931'],
  ['Your code is 123456.\n\n@example.com #123456', '123456'],
  ['Tu código de verificación es 918273', '918273'],
  ['Votre code de vérification est 55 66 77', '556677'],
  ['Your PIN is 2024', '2024'],
  ['Call +1 (555) 123-4567 if this was not you. Your code: 990011', '990011'],
  ['Order 12.05.2024 paid $1250. Code 3141', '3141'],
  ['Kodunuz 8765. Tutar: 150 TL. Yardım için 0850 222 33 44', '8765'],
  ['Sign in to Example.\n\n@example.com #482913', '482913'],
  ['Ref 5521. Your verification code is 130499', '130499'],
  ['You paid $1250. Use 3141 to confirm', '3141'],
  ['Tutar 1500 TL. Onay için 3141', '3141'],
  ['Balance 12500.75 — enter 3141 to confirm', '3141'],
  ['Open https://example.com/r/8812 and enter 553311', '553311'],
  ['Open https://example.com?ref=8812 and enter 553311', '553311'],
  ['Visit example.com/r/8812 and enter 553311', '553311'],
  ['Sent to 4455667@mail.example.com — enter 553311', '553311'],
  ['Example © 2024. Enter 4821 to sign in', '4821'],
  ['<#> Welcome to Example. Sign in with the app.\n2024567+aBc', null],
  ['Hello, your account is ready', null],
  ['Your code expires in 5 minutes', null],
];

describe('extractCode: real-world messages', () => {
  it.each(REAL_WORLD)('%j → %s', (text, code) => {
    const got = extractCode(text);
    expect(got.code).toBe(code);
    expect(got.message).toBe(text.trim());
  });

  // Letter-heavy codes (AB12CD) stay outside automatic fill by isPlausibleCode's own rule; a click fills them.
  it('every digit code it finds in them passes the automatic-fill check', () => {
    for (const [text] of REAL_WORLD) {
      const { code } = extractCode(text);
      if (code !== null && /^\d+$/.test(code)) expect(isPlausibleCode(code)).toBe(true);
    }
  });
});

const digitCode = fc.stringMatching(/^[0-9]{4,8}$/);
const alnumCode = fc.stringMatching(/^[A-Z0-9]{6}$/).filter((c) => /\d/.test(c) && /[A-Z]/.test(c));
const brand = fc.constantFrom('Google', 'WhatsApp', 'Uber', 'Telegram', 'Discord');

/** Templates with the code at different places, as services word them. */
const TEMPLATES: ((code: string, brand: string) => string)[] = [
  (c, b) => `${c} is your ${b} verification code.`,
  (c, b) => `Your ${b} code: ${c}`,
  (c, b) => `<#> ${c} is your ${b} code FA+9qCX9VSu`,
  (c, b) => `${b} code ${c}. Do not share it with anyone.`,
  (c) => `Ваш код подтверждения: ${c}`,
  (c, b) => `${b} doğrulama kodunuz: ${c}. Bu kodu kimseyle paylaşmayın.`,
  (c) => `Tu código es ${c}`,
  (c, b) => `Use ${c} to verify your ${b} account`,
  (c, b) => `G-${c} is your ${b} code. Expires at 12:30 on 2025-01-31.`,
];

describe('extractCode: properties', () => {
  it('a bare code comes back as it is', () => {
    fc.assert(
      fc.property(fc.oneof(digitCode, alnumCode, fc.stringMatching(/^[0-9]{1,12}$/)), (code) => {
        expect(extractCode(code)).toEqual({ code, message: code });
        expect(extractCode(` ${code}\n`).code).toBe(code);
      }),
    );
  });

  it('a digit code inside any template is found', () => {
    fc.assert(
      fc.property(digitCode, brand, fc.constantFrom(...TEMPLATES), (code, b, template) => {
        expect(extractCode(template(code, b)).code).toBe(code);
      }),
    );
  });

  it('a code split in groups by a space or a dash is joined', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{3}$/),
        fc.stringMatching(/^[0-9]{3}$/),
        fc.constantFrom(' ', '-'),
        (a, b, sep) => {
          expect(extractCode(`Your code: ${a}${sep}${b}`).code).toBe(a + b);
        },
      ),
    );
  });

  it('a labelled code with letters is found; an unlabelled one is not taken', () => {
    fc.assert(
      fc.property(alnumCode, (code) => {
        expect(extractCode(`Your code is ${code}`).code).toBe(code);
        expect(extractCode(`Reference ${code.toLowerCase()} for your order`).code).toBeNull();
      }),
    );
  });

  it('digits of a phone number in the text are never the code', () => {
    const phone = fc.oneof(
      fc
        .tuple(fc.stringMatching(/^[1-9]$/), fc.stringMatching(/^[0-9]{3}$/), fc.stringMatching(/^[0-9]{4}$/))
        .map(([cc, a, b]) => `+${cc} ${a} ${b}`),
      fc
        .tuple(
          fc.stringMatching(/^[1-9][0-9]{0,2}$/),
          fc.stringMatching(/^[0-9]{3} [0-9]{3} [0-9]{2} [0-9]{2}$/),
        )
        .map(([cc, n]) => `+${cc} ${n}`),
      fc.stringMatching(/^\+[1-9][0-9]{9,12}$/),
      fc.stringMatching(/^\([0-9]{3}\) [0-9]{3}-[0-9]{4}$/),
      fc.stringMatching(/^0[0-9]{3}[ -][0-9]{3}[ -][0-9]{2}[ -][0-9]{2}$/),
    );
    fc.assert(
      fc.property(digitCode, phone, fc.boolean(), (code, tel, first) => {
        const text = first
          ? `Call ${tel} for help. Your code is ${code}`
          : `Your code is ${code}. Not you? Call ${tel}`;
        expect(extractCode(text).code).toBe(code);
        expect(extractCode(`Not you? Call ${tel}`).code).toBeNull();
      }),
    );
  });
});

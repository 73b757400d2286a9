// Word lists that classify a field by its name, id, label, placeholder or nearby text. Stems, not whole
// words, and `[ıi]`-style classes so that upper-case Turkish ("DOĞRULAMA", "KULLANIMLIK") still matches.

/** Words that say "one-time / verification code" on their own. */
export const OTP_WORDS =
  /otp|one.?time|2fa|mfa|two.?(factor|step)|2.?step|verif|weryfik|confirm|bestätig|bevestig|conferm|potwierdz|do[gğ]rula|onay|kullan[ıi]ml[ıi]k|tek seferlik|einmal|usage unique|sms|смс|подтвер|провероч|одноразов|jednoraz|activat|aktiv|auth.?code|authenticat|passcode|验证|驗證|校验|动态|認証|ワンタイム|確認|인증|확인|xác (minh|nhận)|تحقق|تأكيد|सत्यापन|ओटीपी|ยืนยัน|ověř|ellenőrz|engångs|engangs/i;

/** Words that mark a one-time password (so "şifre"/"password" next to them is not the account password). */
export const ONE_TIME =
  /otp|one.?time|kullan[ıi]ml[ıi]k|tek seferlik|einmal|usage unique|одноразов|jednoraz|ワンタイム|一次性|sms|смс/i;

/** A bare "code" in many languages (also the short names sites use for it). */
export const CODE_WORD =
  /code|kod|c[oó]dig|codice|код|コード|코드|码|碼|رمز|كود|mã\s|कोड|番号|번호|รหัส|\bpin\b|\btan\b|\botc\b|token|otp/i;

/** A "security code" that is a card's CVC when the field sits in a card form. */
export const SECURITY_CODE =
  /secur|güvenlik|sicherheit|sécurité|segur|sicurezza|zabezpiecz|безопасн|beveiliging/i;

/** Card fields: never a code target unless the label also says SMS/verification. */
export const CARD_WORDS =
  /card|kart|tarjeta|carte|cartão|carta|\bcc|cvc|cvv|cvn|csc|expir|son kullanma|ablauf|caducidad/i;

/** Fields that hold a code that is not ours: never written, whatever else their label says. */
export const NEVER_WORDS =
  /coupon|kupon|cup[oó]n|promo|voucher|gutschein|gift|hediye|discount|indirim|rabatt|descuento|referr|referans|davet|invit|zip|post(al|.?code|a kod)|plz|postleitzahl|\bcap\b|search|suche|recherch|busca|поиск|arama|recover|backup|kurtarma|yedek|captcha|country|ülke|dial|prefix|area.?code|alan kodu|почтов|индекс|code postal/i;

/** Other personal fields: not a code field unless the label also says "code". */
export const OTHER_FIELD_WORDS =
  /mail|e-?posta|correo|courriel|user|benutzer|kullan[ıi]c[ıi]|login|pass|şifre|parola|contrase|senha|пароль|hasło|wachtwoord|kennwort|密码|密碼|パスワード|비밀번호|phone|tel|mobil|gsm|handy|cell|name|isim|address|adres|street|city|birth|do[gğ]um|メール|邮箱|邮件|이메일|почт|بريد|名前|氏名|이름|имя|фамил|nombre|vorname|nachname|住所|地址|주소|адрес/i;

/** A phone-number field. */
export const PHONE_WORDS =
  /phone|tel|mobil|m[oó]vil|cell|gsm|\bcep\b|handy|msisdn|whatsapp|celular|номер|телефон|手机|電話|携帯|전화|휴대|هاتف|جوال|điện thoại|nomor|फ़ोन|फोन|मोबाइल/i;

/** A PIN or password being set or changed (current / new / repeat): never a one-time code. */
export const PIN_CHANGE =
  /\b(current|old|new|existing|repeat|re-?enter|retype|choose|create|confirm\w*)\s+(your\s+)?(new\s+)?(pin|passcode)\b|\b(aktuelle|alte|neue|bisherige)\s+pin|pin\s+(ändern|wiederholen|bestätigen)|(mevcut|eski|yeni)\s+(pin|şifre)|pin\s*(tekrar|değiştir)|(nouveau|actuel|ancien)\s+(code\s+)?pin|(текущ|стар|нов|повтор)\S*\s+(пин|pin)/i;

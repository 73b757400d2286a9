import type { Translate } from '../i18n';
import { formatMoney } from '../money';
import type { Rental } from '../rentals/types';

/**
 * The sentence for what the balance said about a rent (utils/rentals/reconcile.ts), or null when
 * there is nothing to tell: a normal rent, or an answered one whose check was unclear (no alarm).
 */
export function moneySentence(
  rental: Pick<Rental, 'money' | 'currency' | 'state'>,
  t: Translate,
  locale: string,
): { tone: 'ok' | 'warn' | 'error'; text: string } | null {
  const m = rental.money;
  if (!m) return null;
  const money = (n: number) => formatMoney(n, rental.currency, locale);
  const amount = m.charged === null ? '' : money(m.charged);
  switch (m.verdict) {
    case 'once':
      return null;
    case 'twice':
      return { tone: 'error', text: t('money_charged_twice', { amount }) };
    case 'charged':
      return { tone: 'error', text: t('money_charged', { amount }) };
    case 'not_charged':
      return { tone: 'ok', text: t('money_not_charged') };
  }
  // Unclear: only a lost answer needs words; an answered rent has its number.
  if (rental.state !== 'unknown') return null;
  if (m.reason === 'amount' && m.charged !== null) {
    return { tone: 'warn', text: t('money_unclear_amount', { amount }) };
  }
  if (m.reason === 'busy' && m.balance !== null) {
    return { tone: 'warn', text: t('money_unclear_busy', { balance: money(m.balance) }) };
  }
  return { tone: 'warn', text: t('money_unclear_no_balance') };
}

/** A verdict that answers "was I charged?", so the generic "may have been charged" is not said too. */
export function moneyKnown(rental: Pick<Rental, 'money'>): boolean {
  const v = rental.money?.verdict;
  return v === 'charged' || v === 'not_charged' || v === 'twice';
}

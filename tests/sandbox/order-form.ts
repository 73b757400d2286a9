// Checks an `add` request against its service type, the way SMM panels of the standard v2 API do.
import type { OrderService } from './catalog';
import { roundMoney } from './context';
import type { OrderDialect } from './types';

/** An accepted order form: what to deliver and what it costs. */
export interface OrderForm {
  quantity: number;
  runs: number | null;
  interval: number | null;
  total: number;
  charge: number;
}

/** Where a type's quantity comes from: the quantity field, the line count of a field, or fixed. */
type QuantitySource = 'quantity' | { lines: string } | 'package' | 'subscription';

interface TypeRule {
  needs: string[];
  quantity: QuantitySource;
}

// The add parameters of each type (see the API README's type table).
const RULES: Record<string, TypeRule> = {
  Default: { needs: ['link'], quantity: 'quantity' },
  'Custom Comments': { needs: ['link', 'comments'], quantity: { lines: 'comments' } },
  Package: { needs: ['link'], quantity: 'package' },
  'Custom Comments Package': { needs: ['link', 'comments'], quantity: 'package' },
  'Invites from Groups': { needs: ['link', 'groups'], quantity: 'quantity' },
  Mentions: { needs: ['link', 'usernames'], quantity: 'quantity' },
  'Mentions with Hashtags': { needs: ['link', 'usernames', 'hashtags'], quantity: 'quantity' },
  'Mentions Custom List': { needs: ['link', 'usernames'], quantity: { lines: 'usernames' } },
  'Mentions Hashtag': { needs: ['link', 'hashtag'], quantity: 'quantity' },
  'Mentions User Followers': { needs: ['link', 'username'], quantity: 'quantity' },
  'Mentions Media Likers': { needs: ['link', 'media'], quantity: 'quantity' },
  'Comment Likes': { needs: ['link', 'username'], quantity: 'quantity' },
  'Comment Replies': { needs: ['link', 'username', 'comments'], quantity: { lines: 'comments' } },
  Poll: { needs: ['link', 'answer_number'], quantity: 'quantity' },
  SEO: { needs: ['link', 'keywords'], quantity: 'quantity' },
  Subscriptions: { needs: ['username', 'min', 'max', 'delay'], quantity: 'subscription' },
};

/** A refused form: the panel's words and the HTTP status its script sends them with. */
export interface FormError {
  error: string;
  status: number;
}

const fail = (error: string, status = 200): FormError => ({ error, status });

/** A whole number from a form field, or NaN. */
function int(value: string | undefined): number {
  return value !== undefined && /^\s*\d{1,12}\s*$/.test(value) ? Number(value) : NaN;
}

/** Non-empty lines of a multi-line field (comments, usernames, keywords). */
function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function rangeError(quantity: number, min: number, max: number): string | null {
  if (!(quantity >= min)) return `Quantity less than minimal ${min}`;
  if (quantity > max) return `Quantity more than maximal ${max}`;
  return null;
}

function quantityOf(rule: TypeRule, params: Record<string, string>): number {
  const source = rule.quantity;
  if (source === 'package') return 1;
  if (source === 'subscription') return int(params.max);
  if (source === 'quantity') return int(params.quantity);
  return lines(params[source.lines]).length;
}

/** Reads the drip-feed fields; null when the order is not drip-fed. */
function dripFeed(
  service: OrderService,
  params: Record<string, string>,
): { runs: number; interval: number } | null | { error: string } {
  if (!params.runs && !params.interval) return null;
  if (service.type !== 'Default' || !service.dripfeed)
    return fail('Drip-feed is not available for this service');
  const runs = int(params.runs);
  const interval = int(params.interval);
  if (!(runs >= 2)) return fail('Drip-feed runs must be 2 or more');
  if (!(interval >= 1)) return fail('Drip-feed interval must be at least 1 minute');
  return { runs, interval };
}

function subscriptionError(service: OrderService, params: Record<string, string>): string | null {
  const min = int(params.min);
  const max = int(params.max);
  const range =
    rangeError(min, Number(service.min), Number(service.max)) ?? rangeError(max, min, Number(service.max));
  if (range) return range;
  if (!(int(params.delay) >= 0)) return 'Incorrect delay';
  if (params.posts && !(int(params.posts) >= 1)) return 'Incorrect posts';
  if (params.old_posts && !(int(params.old_posts) >= 0)) return 'Incorrect old posts';
  if (params.expiry && !/^\d{2}\/\d{2}\/\d{4}$/.test(params.expiry)) return 'Incorrect expiry date';
  return null;
}

/**
 * The CodeIgniter script's checks (its own words, HTTP 200): every type but Custom Comments reads `quantity`
 * ("Quantity is required" without it, also for a package), then min and max.
 */
function smartPanelError(service: OrderService, params: Record<string, string>): FormError | null {
  // Its API places no subscriptions; the sandbox lets them through to the standard checks.
  if (service.type === 'Subscriptions') return null;
  if (service.type === 'Custom Comments') {
    if (!params.comments?.trim()) return fail('Comments field is required');
  } else if (!params.quantity?.trim()) return fail('Quantity is required');
  if (!params.link?.trim()) return fail('Bad Link');
  if (service.type === 'Custom Comments') return null;
  const quantity = int(params.quantity);
  if (!(quantity > 0) || quantity < +service.min)
    return fail(`Quantity must to be greater than or equal to minimum amount ${service.min}`);
  if (quantity > +service.max)
    return fail(`Quantity must to be less than or equal to maximum amount ${service.max}`);
  return null;
}

/** The Laravel scripts' checks (HTTP 422): a link, then the quantity against min and max. */
function laravelError(
  service: OrderService,
  params: Record<string, string>,
  quantity: number,
): FormError | null {
  if (!params.link?.trim() && service.type !== 'Subscriptions') return fail('Bad link', 422);
  if (!(quantity >= +service.min)) return fail(`Quantity less than minimal ${service.min}`, 422);
  if (quantity > +service.max) return fail(`Quantity more than maximum ${service.max}`, 422);
  return null;
}

/** Validates an add request for a service in a script's dialect; the accepted form or the panel's error. */
export function readOrderForm(
  service: OrderService,
  params: Record<string, string>,
  dialect: OrderDialect = 'perfect',
): OrderForm | FormError {
  const rule = RULES[service.type];
  if (!rule) return fail('Incorrect request');
  if (dialect === 'smart') {
    const error = smartPanelError(service, params);
    if (error) return error;
  }
  if (dialect === 'laravel' && rule.quantity !== 'subscription') {
    const error = laravelError(
      service,
      params,
      rule.quantity === 'package' ? int(params.quantity) : quantityOf(rule, params),
    );
    if (error) return error;
  }
  for (const field of rule.needs) {
    if (!params[field]?.trim()) return fail(`${field} alanı gereklidir.`);
  }
  const quantity = quantityOf(rule, params);
  if (rule.quantity === 'subscription') {
    const error = subscriptionError(service, params);
    if (error) return fail(error);
  } else if (rule.quantity !== 'package' || params.quantity) {
    const error = rangeError(
      rule.quantity === 'package' ? int(params.quantity) : quantity,
      +service.min,
      +service.max,
    );
    if (error) return fail(error);
  }
  if (service.type === 'Poll' && !(int(params.answer_number) >= 1)) return fail('Incorrect answer number');

  const drip = dripFeed(service, params);
  if (drip && 'error' in drip) return fail(drip.error);
  const runs = drip?.runs ?? null;
  const rate = Number(service.rate);
  const posts = rule.quantity === 'subscription' && params.posts ? int(params.posts) : 1;
  const total = quantity * (runs ?? 1) * posts;
  const charge = rule.quantity === 'package' ? rate : (rate * total) / 1000;
  return { quantity, runs, interval: drip?.interval ?? null, total, charge: roundMoney(charge) };
}

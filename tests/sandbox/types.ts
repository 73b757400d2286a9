// Shapes shared by the sandbox panel's files. server.ts re-exports the public ones.
import type { MoneyFault } from './double-charge';

/** The /api/v1 path names (numbers API). */
export const V1_ENDPOINTS = [
  'getCategories',
  'getServices',
  'getServiceDetails',
  'getNumber',
  'getMessage',
  'cancelNumber',
  'getBalance',
] as const;

/** The /api/v2 actions (orders API). */
export const V2_ACTIONS = [
  'services',
  'add',
  'status',
  'refill',
  'refill_status',
  'cancel',
  'balance',
] as const;

export type V1Endpoint = (typeof V1_ENDPOINTS)[number];
export type V2Action = (typeof V2_ACTIONS)[number];
export type Endpoint = V1Endpoint | V2Action;

export type Fault =
  | { type: 'http500' }
  | { type: 'http502' }
  // A maintenance page as text/html; status 200 by default (the harder case: an OK status that is not JSON).
  | { type: 'html'; status?: 200 | 503 }
  | { type: 'rateLimit'; retryAfterSec: number }
  | { type: 'malformed' }
  | { type: 'empty' }
  | { type: 'slow'; ms: number }
  | { type: 'drop' }
  | { type: 'panelError'; text: string; status?: number }
  // The normal answer, after doing the work, served as text/html with leading blank lines (seen on PHP panels).
  | { type: 'jsonAsHtml' }
  // A redirect to another origin (`to`, e.g. a second sandbox), keeping the request's path and query
  // (so a client that follows it re-sends the key there).
  | { type: 'redirect'; status: RedirectStatus; to: string }
  // An answer exactly as one of the common panel scripts words it, with its HTTP status (see faults.ts).
  | { type: 'script'; answer: ScriptAnswer };

/** The named answers of the common panel scripts the sandbox can give (faults.ts SCRIPT_ANSWERS). */
export type ScriptAnswer =
  | 'wrongKeySmart'
  | 'wrongKeySmartTr'
  | 'suspended'
  | 'fundsRaw'
  | 'fundsTr'
  | 'funds422'
  | 'badLink422'
  | 'invalidLinkTr'
  | 'minQuantity422'
  | 'quantityRequired'
  | 'minimumAmount'
  | 'serviceDisabled'
  | 'activeOrder422'
  | 'csrf419'
  | 'firewall403'
  | 'csrfJson403';

/**
 * How `add` checks its form: 'perfect' (the default: a package takes a link only), 'smart' (every type
 * but custom comments needs `quantity`, errors as HTTP 200 texts), 'laravel' (errors as HTTP 422, one
 * active order per link).
 */
export type OrderDialect = 'perfect' | 'smart' | 'laravel';

/** The redirect statuses the sandbox can answer with. */
export type RedirectStatus = 301 | 302 | 307 | 308;
export const REDIRECT_STATUSES: readonly RedirectStatus[] = [301, 302, 307, 308];

export type FaultType = Fault['type'];

export interface SandboxOptions {
  /** 0 = a random free port (default). */
  port?: number;
  key?: string;
  /** Starting balance, default 25. */
  balance?: number;
  /** The SMS code arrives this long after getNumber, default 3000. */
  codeDelayMs?: number;
  /** A second, newer code this long after the first; default null (none). */
  secondCodeAfterMs?: number | null;
  /** Deliver whole SMS texts: a template with {code} (e.g. "G-{code} is your Google verification code."); default null (bare codes). */
  smsFormat?: string | null;
  /** How long a rented number lives, default 20 minutes. */
  numberWindowMs?: number;
  /** Each step moves orders one phase along, default 5000. */
  orderStepMs?: number;
  /** Print one line per request (key redacted). */
  log?: boolean;
  /** Every API answer waits this long (real ms, like a panel far away); default 0. */
  latencyMs?: number;
  /** List the 150-service category "Telegram Global" (id 9, services 201..350); default false. */
  bigCategory?: boolean;
  /** 'one' (default): getServiceDetails/{id} lists that service; 'category': every service of its category. */
  detailsMode?: DetailsMode;
}

/** How getServiceDetails answers: the one service asked for, or its whole category (as the provider's example). */
export type DetailsMode = 'one' | 'category';

export interface RequestRecord {
  /** Virtual time (Date.now() + advanced offset) when the request came in. */
  at: number;
  method: string;
  /** Path and query with the API key replaced by {key}. */
  path: string;
  endpoint: Endpoint | 'control' | 'unknown';
  /** v2 form/query fields without the key; v1 path parameters (category_id, service_id, number_id). */
  params: Record<string, string>;
  hadValidKey: boolean;
  /** HTTP status sent; 0 when the connection was dropped. */
  status: number;
  /** The fault this request got, if any. */
  fault?: FaultType;
  /** The money fault (double-charge.ts) this getNumber got, if any. */
  moneyFault?: MoneyFault;
}

/** A JSON answer before it is written (faults may replace or reshape it). */
export interface Answer {
  status: number;
  body: unknown;
}

export type NumberStatus = 'waiting' | 'received' | 'cancelled' | 'expired';

/** A rented number as the sandbox holds it. */
export interface SandboxNumber {
  id: number;
  serviceId: number;
  number: string;
  price: number;
  rentedAt: number;
  expiresAt: number;
  status: NumberStatus;
  /** Oldest first; getMessage shows the newest. */
  codes: { code: string; at: number }[];
  refunded: boolean;
}

export type OrderStatus = 'Pending' | 'In progress' | 'Processing' | 'Completed' | 'Partial' | 'Canceled';

/** A placed order as the sandbox holds it. */
export interface SandboxOrder {
  id: number;
  serviceId: number;
  type: string;
  /** The add fields as sent (key and action omitted). */
  params: Record<string, string>;
  /** Units per run (comment lines for Custom Comments, 1 for a Package). */
  quantity: number;
  runs: number | null;
  interval: number | null;
  /** Units to deliver in all: quantity x runs. */
  total: number;
  /** What the order costs now (lowered by a partial refund). */
  charge: number;
  startCount: number;
  createdAt: number;
  status: OrderStatus;
  remains: number;
  /** The status this order will end in unless it is cancelled. */
  outcome: 'Completed' | 'Partial';
}

/** The settings that tests may change while the sandbox runs. */
export interface SandboxSettings {
  codeDelayMs: number;
  secondCodeAfterMs: number | null;
  /** A template with {code}: getMessage answers the whole SMS instead of the bare code; null: bare. */
  smsFormat: string | null;
  numberWindowMs: number;
  orderStepMs: number;
  orderDialect: OrderDialect;
  latencyMs: number;
  bigCategory: boolean;
  detailsMode: DetailsMode;
}

/** A running sandbox panel and its controls (see server.ts). */
export interface Sandbox {
  /** The panel origin: http://127.0.0.1:PORT */
  url: string;
  key: string;
  /** Every API request, in order (control requests and preflights are not recorded). */
  requests: RequestRecord[];
  /** How many requests hit an endpoint. */
  count(endpoint: Endpoint): number;
  /** The next `times` (default 1) calls of that endpoint get the fault. */
  injectFault(endpoint: Endpoint, fault: Fault, times?: number): void;
  /** The next `times` getNumber calls get a money fault (double-charge.ts); cleared with the others. */
  injectMoneyFault(fault: MoneyFault, times?: number): void;
  clearFaults(): void;
  /** Also applies to numbers still waiting for their first code. */
  setCodeDelay(ms: number): void;
  setSecondCodeAfter(ms: number | null): void;
  /** From now on codes go out inside this SMS template (must hold {code}); null: bare codes again. */
  setSmsFormat(template: string | null): void;
  /** The code arrives now (default: 6 random digits, may start with 0); a number with a code gets a newer one. */
  deliverCode(numberId: number, code?: string): void;
  /** Cancels are refused (`success: false`, "Numara ilk 2 dakika içinde iptal edilemez") for `ms` after each rent; null: off (default). */
  refuseCancelsFor(ms: number | null): void;
  /** Moves the virtual clock forward (codes, number windows and order progress follow it). */
  advance(ms: number): void;
  setBalance(amount: number): void;
  balance(): number;
  /** How `add` checks its form from now on (until reset). */
  setOrderDialect(dialect: OrderDialect): void;
  setStock(numberServiceId: number, stock: number): void;
  /** Every API answer waits this long from now on (until reset); 0 for none. */
  setLatency(ms: number): void;
  /** Lists (or hides) the 150-service category from now on (until reset). */
  setBigCategory(enabled: boolean): void;
  /** How getServiceDetails answers from now on (until reset). */
  setDetailsMode(mode: DetailsMode): void;
  /** How many API requests hit each endpoint since the last reset (endpoints never hit are left out). */
  counts(): Partial<Record<Endpoint, number>>;
  orders(): SandboxOrder[];
  numbers(): SandboxNumber[];
  /** Back to the initial state; clears requests and faults. */
  reset(): void;
  close(): Promise<void>;
}

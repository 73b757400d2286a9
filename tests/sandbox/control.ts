// The HTTP control surface under /_sandbox/ so a browser-side test or another process can drive the sandbox.
import { MONEY_FAULTS, type MoneyFault } from './double-charge';
import { isEndpoint, jsonResponse, parseFault, type RawResponse } from './faults';
import type { Sandbox } from './types';

type Body = Record<string, unknown>;

/** Thrown for a control request whose body does not fit; answered with 400. */
class BadControlRequest extends Error {}

function need(ok: boolean, message: string): void {
  if (!ok) throw new BadControlRequest(message);
}

const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

const POST_ACTIONS: Record<string, (sandbox: Sandbox, body: Body) => void> = {
  fault(sandbox, { endpoint, fault, times }) {
    const parsed = parseFault(fault);
    need(isEndpoint(endpoint), 'endpoint: not a panel endpoint');
    need(parsed !== null, 'fault: not a fault');
    need(times === undefined || (isCount(times) && times >= 1), 'times: an integer >= 1');
    sandbox.injectFault(
      endpoint as Parameters<Sandbox['injectFault']>[0],
      parsed!,
      times as number | undefined,
    );
  },
  'money-fault'(sandbox, { fault, times }) {
    need(MONEY_FAULTS.includes(fault as MoneyFault), 'fault: double-charge or drop-before-charge');
    need(times === undefined || (isCount(times) && times >= 1), 'times: an integer >= 1');
    sandbox.injectMoneyFault(fault as MoneyFault, times as number | undefined);
  },
  'clear-faults': (sandbox) => sandbox.clearFaults(),
  advance(sandbox, { ms }) {
    need(isMs(ms), 'ms: a number >= 0');
    sandbox.advance(ms as number);
  },
  deliver(sandbox, { numberId, code }) {
    need(isCount(numberId), 'numberId: an integer');
    need(code === undefined || (typeof code === 'string' && code !== ''), 'code: text');
    sandbox.deliverCode(numberId as number, code as string | undefined);
  },
  // JSON has no Infinity: null means "the code never comes by itself".
  'code-delay'(sandbox, { ms }) {
    need(ms === null || isMs(ms), 'ms: a number >= 0 or null');
    sandbox.setCodeDelay(ms === null ? Infinity : (ms as number));
  },
  'second-code'(sandbox, { ms }) {
    need(ms === null || isMs(ms), 'ms: a number >= 0 or null');
    sandbox.setSecondCodeAfter(ms as number | null);
  },
  // Whole SMS texts instead of bare codes: { template: "G-{code} is your Google verification code." }, null for bare.
  'sms-format'(sandbox, { template }) {
    need(
      template === null || (typeof template === 'string' && template.includes('{code}')),
      'template: text with {code}, or null',
    );
    sandbox.setSmsFormat(template as string | null);
  },
  // Cancels refused for { ms } after each rent (panel-like Turkish text with the duration); null: off.
  'refuse-cancels'(sandbox, { ms }) {
    need(ms === null || isMs(ms), 'ms: a number >= 0 or null');
    sandbox.refuseCancelsFor(ms as number | null);
  },
  balance(sandbox, { amount }) {
    need(isMs(amount), 'amount: a number >= 0');
    sandbox.setBalance(amount as number);
  },
  stock(sandbox, { serviceId, stock }) {
    need(isCount(serviceId) && isCount(stock), 'serviceId, stock: integers >= 0');
    sandbox.setStock(serviceId as number, stock as number);
  },
  'order-dialect'(sandbox, { dialect }) {
    need(
      dialect === 'perfect' || dialect === 'smart' || dialect === 'laravel',
      'dialect: perfect, smart or laravel',
    );
    sandbox.setOrderDialect(dialect as 'perfect');
  },
  latency(sandbox, { ms }) {
    need(isMs(ms), 'ms: a number >= 0');
    sandbox.setLatency(ms as number);
  },
  'big-category'(sandbox, { enabled }) {
    need(typeof enabled === 'boolean', 'enabled: true or false');
    sandbox.setBigCategory(enabled as boolean);
  },
  'details-mode'(sandbox, { mode }) {
    need(mode === 'one' || mode === 'category', "mode: 'one' or 'category'");
    sandbox.setDetailsMode(mode as 'one');
  },
  reset: (sandbox) => sandbox.reset(),
};

const GET_ACTIONS: Record<string, (sandbox: Sandbox) => unknown> = {
  requests: (sandbox) => sandbox.requests,
  counts: (sandbox) => sandbox.counts(),
  state: (sandbox) => ({
    balance: sandbox.balance(),
    numbers: sandbox.numbers(),
    orders: sandbox.orders(),
  }),
};

/** Answers one /_sandbox/<name> request; errors become 400/404/405 JSON, never a crash. */
export function handleControl(sandbox: Sandbox, name: string, method: string, body: unknown): RawResponse {
  const get = GET_ACTIONS[name];
  const post = POST_ACTIONS[name];
  if (!get && !post) return jsonResponse(404, { error: `no control ${name}` });
  if (get)
    return method === 'GET' ? jsonResponse(200, get(sandbox)) : jsonResponse(405, { error: 'use GET' });
  if (method !== 'POST') return jsonResponse(405, { error: 'use POST' });
  const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Body) : {};
  try {
    post(sandbox, fields);
    return jsonResponse(200, { ok: true });
  } catch (error) {
    // RangeError comes from the sandbox's own checks (unknown number, bad stock...).
    if (error instanceof BadControlRequest || error instanceof RangeError) {
      return jsonResponse(400, { error: error.message });
    }
    throw error;
  }
}

// The sandbox panel: a real local HTTP server with both panel APIs, state, faults and a control surface.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContext } from './context';
import { createMoneyFaults } from './double-charge';
import { handleControl } from './control';
import { createFaultQueue, faultDoesWork, faultResponse, jsonResponse, type RawResponse } from './faults';
import { BodyTooLargeError, corsHeaders, formFields, parseJson, readBody, send } from './http';
import { createNumbersPanel } from './numbers';
import { createOrdersPanel } from './orders';
import { parseRoute, redactPath, type Route } from './routes';
import { V2_ACTIONS, type Endpoint, type RequestRecord, type Sandbox, type SandboxOptions } from './types';

export type {
  Endpoint,
  Fault,
  NumberStatus,
  OrderStatus,
  RedirectStatus,
  RequestRecord,
  Sandbox,
  SandboxNumber,
  SandboxOptions,
  SandboxOrder,
  DetailsMode,
} from './types';
export { REDIRECT_STATUSES } from './types';

/** The demo account's key. */
export const DEMO_KEY = 'demo-key-7f3a9c';

const DEFAULTS = { balance: 25, codeDelayMs: 3000, numberWindowMs: 20 * 60_000, orderStepMs: 5000 };

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/** Starts a sandbox panel on 127.0.0.1 and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const key = options.key ?? DEMO_KEY;
  const ctx = createContext(key, options.balance ?? DEFAULTS.balance, {
    codeDelayMs: options.codeDelayMs ?? DEFAULTS.codeDelayMs,
    secondCodeAfterMs: options.secondCodeAfterMs ?? null,
    smsFormat: options.smsFormat ?? null,
    numberWindowMs: options.numberWindowMs ?? DEFAULTS.numberWindowMs,
    orderStepMs: options.orderStepMs ?? DEFAULTS.orderStepMs,
    orderDialect: 'perfect',
    latencyMs: options.latencyMs ?? 0,
    bigCategory: options.bigCategory ?? false,
    detailsMode: options.detailsMode ?? 'one',
  });
  const numbersPanel = createNumbersPanel(ctx);
  const ordersPanel = createOrdersPanel(ctx);
  const faults = createFaultQueue();
  const moneyFaults = createMoneyFaults();
  const requests: RequestRecord[] = [];
  // Slow answers waiting on a timer; close() wakes them so nothing outlives the server.
  const sleepers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  const log = (record: RequestRecord) => {
    if (!options.log) return;
    const time = new Date().toISOString().slice(11, 19);
    const fault = record.fault ? `  [fault: ${record.fault}]` : '';
    console.log(`${time} ${record.method} ${record.path} -> ${record.status || 'dropped'}${fault}`);
  };

  /** Answers an API request, with the fault queued for its endpoint if any. */
  async function answerApi(
    req: IncomingMessage,
    res: ServerResponse,
    route: Route,
    fields: Record<string, string>,
    record: RequestRecord,
  ): Promise<void> {
    const finish = (answer: RawResponse) => {
      send(req, res, answer);
      record.status = answer.status;
    };
    // A panel far away: the answer (and the work behind it) comes this much later.
    if (ctx.settings.latencyMs > 0) await sleep(ctx.settings.latencyMs);
    if (route.api !== 'v1' && route.api !== 'v2') return finish(jsonResponse(404, { error: 'Not found' }));
    if (record.method !== 'POST') {
      return finish({ ...jsonResponse(405, { error: 'Method not allowed' }), headers: { Allow: 'POST' } });
    }
    const moneyFault = record.endpoint === 'getNumber' ? moneyFaults.take() : undefined;
    if (moneyFault) record.moneyFault = moneyFault;
    if (moneyFault === 'drop-before-charge') return void req.socket.destroy();
    const fault = record.endpoint !== 'unknown' ? faults.take(record.endpoint as Endpoint) : undefined;
    if (fault) record.fault = fault.type;
    if (fault && !faultDoesWork(fault)) return finish(faultResponse(fault, route.api, null, req.url)!);

    // Both APIs share the balance: let finished orders pay their partial refunds before anything reads it.
    ordersPanel.settle();
    const answer =
      route.api === 'v1'
        ? numbersPanel.handle(route.endpoint, route.key, route.id)
        : ordersPanel.handle(fields);
    // The second number is rented and charged too; the answer names only the first.
    if (moneyFault === 'double-charge' && route.api === 'v1')
      numbersPanel.handle(route.endpoint, route.key, route.id);
    let raw = jsonResponse(answer.status, answer.body);
    if (fault?.type === 'jsonAsHtml') raw = faultResponse(fault, route.api, raw)!;
    if (fault?.type === 'slow') await sleep(fault.ms);
    if (fault?.type === 'drop') {
      // The work is done (money spent for getNumber/add); the client never learns it.
      req.socket.destroy();
      return;
    }
    finish(raw);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req));
      res.end();
      return;
    }
    const url = new URL(rawUrl, 'http://127.0.0.1');
    const route = parseRoute(url.pathname);
    const body = await readBody(req);
    if (route.api === 'control')
      return send(req, res, handleControl(sandbox, route.name, method, parseJson(body)));

    const fields = route.api === 'v2' ? formFields(url.searchParams, body, req.headers['content-type']) : {};
    const { key: givenKey, ...params } = fields;
    const action = (V2_ACTIONS as readonly string[]).includes(fields.action)
      ? (fields.action as Endpoint)
      : null;
    const record: RequestRecord = {
      at: ctx.now(),
      method,
      path: redactPath(rawUrl, key),
      endpoint: route.api === 'v1' ? route.endpoint : (action ?? 'unknown'),
      params: route.api === 'v1' ? route.params : params,
      hadValidKey: route.api === 'v1' ? route.key === key : givenKey === key,
      status: 0,
    };
    requests.push(record);
    try {
      await answerApi(req, res, route, fields, record);
    } finally {
      log(record);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) {
        const message = error instanceof Error ? error.message : String(error);
        console.error(`sandbox: handler error: ${message.split(key).join('{key}')}`);
      }
      send(
        req,
        res,
        jsonResponse(tooLarge ? 413 : 500, { error: tooLarge ? 'Body too large' : 'Sandbox error' }),
      );
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const sandbox: Sandbox = {
    url: `http://127.0.0.1:${port}`,
    key,
    requests,
    count: (endpoint) => requests.filter((r) => r.endpoint === endpoint).length,
    injectFault: (endpoint, fault, times) => faults.inject(endpoint, fault, times),
    injectMoneyFault: (fault, times) => moneyFaults.inject(fault, times),
    clearFaults() {
      faults.clear();
      moneyFaults.clear();
    },
    setCodeDelay(ms) {
      check(ms >= 0, 'code delay must be >= 0');
      ctx.settings.codeDelayMs = ms;
    },
    setSecondCodeAfter(ms) {
      check(ms === null || ms >= 0, 'second code delay must be >= 0 or null');
      ctx.settings.secondCodeAfterMs = ms;
    },
    setSmsFormat(template) {
      check(template === null || template.includes('{code}'), 'an SMS format must hold {code}');
      ctx.settings.smsFormat = template;
    },
    deliverCode: (numberId, code) => numbersPanel.deliverCode(numberId, code),
    refuseCancelsFor: (ms) => numbersPanel.refuseCancelsFor(ms),
    setOrderDialect(dialect) {
      check(['perfect', 'smart', 'laravel'].includes(dialect), 'dialect: perfect, smart or laravel');
      ctx.settings.orderDialect = dialect;
    },
    advance(ms) {
      check(Number.isFinite(ms) && ms >= 0, 'advance needs a finite ms >= 0');
      ctx.advance(ms);
    },
    setBalance(amount) {
      check(Number.isFinite(amount), 'balance must be a finite number');
      ctx.setBalance(amount);
    },
    balance() {
      // Partial refunds land when an order ends, so bring orders up to now first.
      ordersPanel.settle();
      return ctx.balance();
    },
    setStock: (serviceId, stock) => numbersPanel.setStock(serviceId, stock),
    setLatency(ms) {
      check(Number.isFinite(ms) && ms >= 0, 'latency must be a finite ms >= 0');
      ctx.settings.latencyMs = ms;
    },
    setBigCategory(enabled) {
      ctx.settings.bigCategory = enabled === true;
    },
    setDetailsMode(mode) {
      check(mode === 'one' || mode === 'category', "details mode: 'one' or 'category'");
      ctx.settings.detailsMode = mode;
    },
    counts() {
      const counts: Partial<Record<Endpoint, number>> = {};
      for (const r of requests) {
        if (r.endpoint !== 'control' && r.endpoint !== 'unknown')
          counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1;
      }
      return counts;
    },
    orders: () => ordersPanel.list(),
    numbers: () => numbersPanel.list(),
    reset() {
      ctx.reset();
      numbersPanel.reset();
      ordersPanel.reset();
      faults.clear();
      moneyFaults.clear();
      requests.length = 0;
    },
    close() {
      for (const wake of [...sleepers]) wake();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return sandbox;
}

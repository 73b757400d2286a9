// The numbers API (/api/v1): categories, services, renting numbers, codes that arrive later, cancel.
import { BIG_CATEGORY, BIG_COUNTRIES, BIG_SERVICES } from './big-category';
import { COUNTRIES, NUMBER_CATEGORIES, NUMBER_SERVICES, type NumberService } from './catalog';
import type { SandboxContext } from './context';
import type { Answer, SandboxNumber, V1Endpoint } from './types';

/** The numbers API's state and its request handler. */
export interface NumbersPanel {
  /** Answers one /api/v1 call; `key` is the decoded path key (null for keyless paths), `id` the path id. */
  handle(endpoint: V1Endpoint, key: string | null, id: string | null): Answer;
  /** Lets codes arrive and windows close up to the virtual now. */
  settle(): void;
  list(): SandboxNumber[];
  setStock(serviceId: number, stock: number): void;
  deliverCode(numberId: number, code?: string): void;
  /** Cancels are refused for this long after the rent (panel-like Turkish text); null: never. */
  refuseCancelsFor(ms: number | null): void;
  reset(): void;
}

const FIRST_NUMBER_ID = 1000;
const INVALID_KEY = { success: false, message: 'Invalid API key' };
const NOT_FOUND = { success: false, message: 'Numara bulunamadı' };

const ok = (body: unknown): Answer => ({ status: 200, body });
const BIG_DIALS = new Map(BIG_COUNTRIES.map((c) => [c.name, c.dial]));

/** Parses a path id; NaN for anything but plain digits. */
function pathId(id: string | null): number {
  return id !== null && /^\d{1,9}$/.test(id) ? Number(id) : NaN;
}

/** Creates the numbers API over the shared context. */
export function createNumbersPanel(ctx: SandboxContext): NumbersPanel {
  let stock = new Map<number, number>();
  let numbers = new Map<number, SandboxNumber>();
  let nextId = FIRST_NUMBER_ID;
  let refuseCancelMs: number | null = null;

  function init(): void {
    stock = new Map([...NUMBER_SERVICES, ...BIG_SERVICES].map((s) => [s.id, s.stock]));
    numbers = new Map();
    nextId = FIRST_NUMBER_ID;
    refuseCancelMs = null;
  }
  init();

  // The big category exists only while it is switched on.
  const services = (): readonly NumberService[] =>
    ctx.settings.bigCategory ? [...NUMBER_SERVICES, ...BIG_SERVICES] : NUMBER_SERVICES;
  const findService = (id: number): NumberService | undefined => services().find((s) => s.id === id);
  const details = (s: NumberService) => ({ id: s.id, price: s.price, stock: stock.get(s.id) ?? 0 });

  function phoneFor(service: NumberService): string {
    const c = COUNTRIES[service.country] ?? {
      dial: BIG_DIALS.get(service.country) ?? '999',
      lead: '',
      length: 9,
    };
    return `+${c.dial}${c.lead}${ctx.randomDigits(c.length - c.lead.length)}`;
  }

  // Codes are computed from the current settings when first seen, so setCodeDelay() also applies to
  // numbers still waiting; once a code has arrived it stays.
  function settleOne(n: SandboxNumber, now: number): void {
    if (n.status === 'waiting') {
      const firstAt = n.rentedAt + ctx.settings.codeDelayMs;
      if (firstAt <= now && firstAt < n.expiresAt) {
        n.codes.push({ code: ctx.randomDigits(6), at: firstAt });
        n.status = 'received';
      } else if (now >= n.expiresAt) {
        // The window closed without a code: the money is gone (the client should have cancelled).
        n.status = 'expired';
      }
    }
    const second = ctx.settings.secondCodeAfterMs;
    if (n.status === 'received' && second !== null && n.codes.length === 1) {
      const secondAt = n.codes[0].at + second;
      if (secondAt <= now && secondAt < n.expiresAt)
        n.codes.push({ code: ctx.randomDigits(6), at: secondAt });
    }
  }

  function settle(): void {
    const now = ctx.now();
    for (const n of numbers.values()) settleOne(n, now);
  }

  // Codes without a leading zero go out as JSON numbers for even number ids (as the provider's doc shows),
  // as strings otherwise, so a client meets both forms. With an SMS format set, the whole SMS goes out
  // instead, as some panels send it.
  function codeValue(n: SandboxNumber): string | number {
    const code = n.codes[n.codes.length - 1].code;
    const format = ctx.settings.smsFormat;
    if (format !== null) return format.replaceAll('{code}', code);
    return n.id % 2 === 0 && /^[1-9]\d{0,14}$/.test(code) ? Number(code) : code;
  }

  function getNumber(serviceId: number): Answer {
    const service = findService(serviceId);
    if (!service) return ok({ success: false, message: 'Servis bulunamadı' });
    const left = stock.get(service.id) ?? 0;
    if (left <= 0) return ok({ success: false, message: 'Stokta numara yok' });
    const price = Number(service.price);
    if (!ctx.spend(price)) return ok({ success: false, message: 'Yetersiz bakiye' });
    stock.set(service.id, left - 1);
    const now = ctx.now();
    const n: SandboxNumber = {
      id: nextId++,
      serviceId: service.id,
      number: phoneFor(service),
      price,
      rentedAt: now,
      expiresAt: now + ctx.settings.numberWindowMs,
      status: 'waiting',
      codes: [],
      refunded: false,
    };
    numbers.set(n.id, n);
    return ok({ success: true, number_id: n.id, number: n.number });
  }

  function getMessage(n: SandboxNumber): Answer {
    if (n.status === 'cancelled' || n.status === 'expired') return ok({ status: -1 });
    if (n.status === 'waiting') return ok({ code: null, id: n.id, status: 0 });
    return ok({ code: codeValue(n), id: n.id, status: 1 });
  }

  function cancelNumber(n: SandboxNumber): Answer {
    const refuse = (message: string): Answer => ok({ success: false, title: 'İptal edilemez', message });
    if (n.status === 'received') return refuse('SMS already received');
    if (n.status === 'cancelled') return refuse('Numara zaten iptal edilmiş');
    if (n.status === 'expired') return refuse('Numaranın süresi doldu');
    // Some providers refuse a cancel in the first minutes after the rent, and say how long.
    if (refuseCancelMs !== null && ctx.now() - n.rentedAt < refuseCancelMs) {
      return refuse(`Numara ilk ${refusalDuration(refuseCancelMs)} içinde iptal edilemez`);
    }
    n.status = 'cancelled';
    n.refunded = true;
    ctx.refund(n.price);
    return ok({ success: true, title: '', message: '' });
  }

  function handle(endpoint: V1Endpoint, key: string | null, id: string | null): Answer {
    switch (endpoint) {
      case 'getCategories':
        return ok(
          [...NUMBER_CATEGORIES, ...(ctx.settings.bigCategory ? [BIG_CATEGORY] : [])].map((c) => ({
            id: c.id,
            name: c.name,
          })),
        );
      case 'getServices': {
        const category = pathId(id);
        return ok(
          services()
            .filter((s) => s.category === category)
            .map((s) => ({
              id: s.id,
              name: s.name,
              category: s.category,
            })),
        );
      }
      case 'getServiceDetails': {
        const service = findService(pathId(id));
        if (!service) return ok([]);
        // 'category': the details of every service of its category in one answer, as the provider's example.
        if (ctx.settings.detailsMode === 'category')
          return ok(
            services()
              .filter((s) => s.category === service.category)
              .map(details),
          );
        return ok([details(service)]);
      }
    }
    if (key !== ctx.key) return ok(INVALID_KEY);
    settle();
    if (endpoint === 'getBalance') return ok({ balance: ctx.balance() });
    if (endpoint === 'getNumber') return getNumber(pathId(id));
    const n = numbers.get(pathId(id));
    if (!n) return ok(NOT_FOUND);
    return endpoint === 'getMessage' ? getMessage(n) : cancelNumber(n);
  }

  return {
    handle,
    settle,
    list() {
      settle();
      return structuredClone([...numbers.values()]);
    },
    setStock(serviceId, count) {
      if (!findService(serviceId)) throw new RangeError(`no number service ${serviceId}`);
      if (!Number.isInteger(count) || count < 0) throw new RangeError('stock must be an integer >= 0');
      stock.set(serviceId, count);
    },
    deliverCode(numberId, code) {
      settle();
      const n = numbers.get(numberId);
      if (!n) throw new RangeError(`no number ${numberId}`);
      if (n.status === 'cancelled' || n.status === 'expired')
        throw new RangeError(`number ${numberId} is ${n.status}`);
      if (code !== undefined && (typeof code !== 'string' || code === ''))
        throw new RangeError('code must be text');
      n.codes.push({ code: code ?? ctx.randomDigits(6), at: ctx.now() });
      n.status = 'received';
    },
    refuseCancelsFor(ms) {
      if (ms !== null && !(Number.isFinite(ms) && ms >= 0)) throw new RangeError('ms must be >= 0 or null');
      refuseCancelMs = ms;
    },
    reset: init,
  };
}

/** A refusal's duration the way Turkish panels word it: "2 dakika", "90 saniye". */
function refusalDuration(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} dakika` : `${Math.ceil(ms / 1000)} saniye`;
}

import type { SandboxSettings } from './types';

/** The clock, money, randomness and settings both panel APIs share. */
export interface SandboxContext {
  key: string;
  settings: SandboxSettings;
  /** Virtual now: Date.now() plus everything advance() added. */
  now(): number;
  advance(ms: number): void;
  balance(): number;
  setBalance(amount: number): void;
  /** Takes amount from the balance; false (and nothing taken) when it is too low. */
  spend(amount: number): boolean;
  refund(amount: number): void;
  /** An integer in [min, max], from a seeded generator so runs repeat. */
  randomInt(min: number, max: number): number;
  /** A string of n random digits (may start with 0). */
  randomDigits(n: number): string;
  /** Back to the starting balance, clock, settings and seed. */
  reset(): void;
}

const SEED = 0x5eed;

/** Rounds money to 5 decimals, the precision panels show, so 0.1 + 0.2 stays 0.3 on our side. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 1e5) / 1e5;
}

/** A seeded generator of numbers in [0, 1) (mulberry32: small, fast and good enough for sample data). */
// mulberry32: small, fast and good enough for sample data.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Creates the shared context from the starting values. */
export function createContext(
  key: string,
  startBalance: number,
  startSettings: SandboxSettings,
): SandboxContext {
  let offset = 0;
  let money = roundMoney(startBalance);
  let random = seededRandom(SEED);
  const settings: SandboxSettings = { ...startSettings };

  const randomInt = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

  return {
    key,
    settings,
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
    balance: () => money,
    setBalance(amount) {
      money = roundMoney(amount);
    },
    spend(amount) {
      if (roundMoney(amount) > money) return false;
      money = roundMoney(money - amount);
      return true;
    },
    refund(amount) {
      money = roundMoney(money + amount);
    },
    randomInt,
    randomDigits: (n) => Array.from({ length: n }, () => String(randomInt(0, 9))).join(''),
    reset() {
      offset = 0;
      money = roundMoney(startBalance);
      random = seededRandom(SEED);
      Object.assign(settings, startSettings);
    },
  };
}

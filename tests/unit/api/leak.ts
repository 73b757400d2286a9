// Test helpers: everything an error holds, as text, so a test can search it for the API key.
import { inspect } from 'node:util';

/** The error with its cause chain, hidden properties, stacks and JSON form, as one string. */
export function dumpError(e: unknown): string {
  const parts = [inspect(e, { depth: 20, showHidden: true, getters: true }), JSON.stringify(e)];
  for (let c: unknown = e, depth = 0; c instanceof Error && depth < 10; c = c.cause, depth++) {
    parts.push(c.message, String(c.stack), JSON.stringify(Object.entries(c)));
  }
  return parts.join('\n');
}

/** Every form the key could take in a URL, a form body or a log. */
export function keyForms(key: string): string[] {
  return [...new Set([key, encodeURIComponent(key), new URLSearchParams({ k: key }).toString().slice(2)])];
}

/** Runs a call that must fail and returns what it threw. */
export async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

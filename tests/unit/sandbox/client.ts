// Tiny fetch helpers the sandbox tests share (the real API clients live in utils/).
import type { Sandbox } from '../../sandbox/server';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body (undefined when it is not JSON). */
  json: unknown;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs an /api/v1 path (no body), e.g. `getServices/3` or `${key}/getNumber/41`. */
export async function v1(sandbox: Sandbox, path: string): Promise<Reply> {
  return reply(await fetch(`${sandbox.url}/api/v1/${path}`, { method: 'POST' }));
}

/** POSTs /api/v1/{key}/... with the sandbox's own key. */
export function v1Keyed(sandbox: Sandbox, path: string): Promise<Reply> {
  return v1(sandbox, `${encodeURIComponent(sandbox.key)}/${path}`);
}

/** POSTs /api/v2 with a form body; the sandbox's key unless `key` is given. */
export async function v2(sandbox: Sandbox, fields: Record<string, string>): Promise<Reply> {
  const body = new URLSearchParams({ key: sandbox.key, ...fields });
  return reply(await fetch(`${sandbox.url}/api/v2`, { method: 'POST', body }));
}

/** Calls the control surface: GET without a body, POST with JSON. */
export async function control(sandbox: Sandbox, name: string, body?: unknown): Promise<Reply> {
  const init: RequestInit =
    body === undefined
      ? { method: 'GET' }
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  return reply(await fetch(`${sandbox.url}/_sandbox/${name}`, init));
}

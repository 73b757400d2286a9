// Small node:http helpers: bodies in, responses (with CORS) out.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawResponse } from './faults';

const MAX_BODY_BYTES = 1_000_000;

/** Thrown when a request body is larger than the sandbox accepts. */
export class BodyTooLargeError extends Error {}

/** Reads the whole request body as text (at most 1 MB). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body; null for an empty or broken one. */
export function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

/** The v2 fields of a request: query parameters, then the form (or JSON) body over them. */
export function formFields(
  query: URLSearchParams,
  body: string,
  contentType: string | undefined,
): Record<string, string> {
  const fields: Record<string, string> = Object.fromEntries(query);
  if (/json/i.test(contentType ?? '')) {
    const json = parseJson(body);
    if (json && typeof json === 'object' && !Array.isArray(json)) {
      for (const [name, value] of Object.entries(json)) {
        if (value !== null && typeof value !== 'object') fields[name] = String(value);
      }
    }
    return fields;
  }
  return { ...fields, ...Object.fromEntries(new URLSearchParams(body)) };
}

/** Headers every answer carries so a page or extension on another origin can call the sandbox. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '600',
  };
}

/** Writes a response unless the client has gone away. */
export function send(req: IncomingMessage, res: ServerResponse, answer: RawResponse): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(answer.status, { ...corsHeaders(req), ...answer.headers });
  res.end(answer.body);
}

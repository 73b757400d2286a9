// Which API a request path is for, and the path as it may be logged (key redacted).
import type { V1Endpoint } from './types';

export type Route =
  | { api: 'v1'; endpoint: V1Endpoint; key: string | null; id: string | null; params: Record<string, string> }
  | { api: 'v2' }
  | { api: 'control'; name: string }
  | { api: 'unknown' };

const KEYLESS: Partial<Record<string, { endpoint: V1Endpoint; param?: string }>> = {
  getCategories: { endpoint: 'getCategories' },
  getServices: { endpoint: 'getServices', param: 'category_id' },
  getServiceDetails: { endpoint: 'getServiceDetails', param: 'service_id' },
};
const KEYED: Partial<Record<string, { endpoint: V1Endpoint; param?: string }>> = {
  getNumber: { endpoint: 'getNumber', param: 'service_id' },
  getMessage: { endpoint: 'getMessage', param: 'number_id' },
  cancelNumber: { endpoint: 'cancelNumber', param: 'number_id' },
  getBalance: { endpoint: 'getBalance' },
};
const UNKNOWN: Route = { api: 'unknown' };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a broken escape: keep it as is, it will not match the key
  }
}

/** Matches the rest of an /api/v1 path against the provider's seven paths. */
function v1Route(rest: string[]): Route {
  const keyless = KEYLESS[rest[0]];
  const route = keyless ?? KEYED[rest[1]];
  if (!route) return UNKNOWN;
  // Keyless paths: name[/id]; keyed paths: key/name[/id].
  const key = keyless ? null : decode(rest[0]);
  const idAt = keyless ? 1 : 2;
  if (rest.length !== idAt + (route.param ? 1 : 0)) return UNKNOWN;
  const decodedId = route.param ? decode(rest[idAt]) : null;
  const params: Record<string, string> =
    route.param && decodedId !== null ? { [route.param]: decodedId } : {};
  return { api: 'v1', endpoint: route.endpoint, key, id: decodedId, params };
}

/** Routes a URL path (no query) to an API. */
export function parseRoute(pathname: string): Route {
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments[0] === '_sandbox' && segments.length === 2) return { api: 'control', name: segments[1] };
  if (segments[0] !== 'api') return UNKNOWN;
  if (segments[1] === 'v2' && segments.length === 2) return { api: 'v2' };
  if (segments[1] === 'v1') return v1Route(segments.slice(2));
  return UNKNOWN;
}

/** The request path and query with the key replaced by {key}, wherever it sits. */
export function redactPath(rawUrl: string, key: string): string {
  const q = rawUrl.indexOf('?');
  const segments = (q < 0 ? rawUrl : rawUrl.slice(0, q)).split('/');
  // /api/v1/<key>/...: the key's place is redacted whatever it holds (a wrong key is a secret too).
  if (segments[1] === 'api' && segments[2] === 'v1' && segments.length >= 4 && !KEYLESS[segments[3]]) {
    segments[3] = '{key}';
  }
  let path = segments.join('/');
  if (q >= 0) {
    const query = rawUrl
      .slice(q + 1)
      .split('&')
      .map((pair) => (decode(pair.split('=')[0]) === 'key' ? 'key={key}' : pair));
    path += `?${query.join('&')}`;
  }
  for (const form of new Set([key, encodeURIComponent(key)])) {
    if (form.length >= 4) path = path.split(form).join('{key}');
  }
  return path;
}

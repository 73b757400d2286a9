/** The origin of a page address; null when it is not an http(s) page. */
export function pageOrigin(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * True for an origin automatic fill may serve: https, or http only on this machine (loopback),
 * so a code never goes to a page that travels in clear. Written here because the settings
 * module has no such helper for page origins.
 */
export function isSecureFillOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    if (u.origin !== origin) return false;
    return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.test(u.hostname));
  } catch {
    return false;
  }
}

/** A site as a person reads it: the host, with its port when it has one ("pay.example"). */
export function siteLabel(origin: string | null): string {
  if (!origin) return '';
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

import { isSecureOrigin } from '../settings';

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

/**
 * True for an origin automatic fill may serve: exactly an origin (no path), https, or http only on
 * this machine (the settings module's `isSecureOrigin`), so a code never goes to a page in clear.
 */
export function isSecureFillOrigin(origin: string): boolean {
  try {
    return new URL(origin).origin === origin && isSecureOrigin(origin);
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

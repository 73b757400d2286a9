/** Keeps the API key out of every error text, stack and cause chain. */

/** Replaces the raw key and its URL/form-encoded forms with '***'. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ k: secret }).toString().slice(2),
  ]);
  const trimmed = secret.trim();
  if (trimmed) forms.add(trimmed).add(encodeURIComponent(trimmed));
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (form) out = out.split(form).join('***');
  }
  return out;
}

/** A copy of an error chain with every message and stack redacted, for use as `cause`. */
export function redactCause(e: unknown, secret: string | undefined, depth = 0): Error {
  if (!(e instanceof Error)) return new Error(redactSecret(describeValue(e), secret));
  const copy = new Error(redactSecret(e.message, secret));
  copy.name = e.name;
  copy.stack = redactSecret(e.stack ?? '', secret);
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') Object.assign(copy, { code });
  if (e.cause !== undefined && depth < 4) copy.cause = redactCause(e.cause, secret, depth + 1);
  return copy;
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return v.slice(0, 500);
  try {
    return (JSON.stringify(v) ?? String(v)).slice(0, 500);
  } catch {
    return String(v).slice(0, 500);
  }
}

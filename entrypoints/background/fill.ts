import { browser } from 'wxt/browser';
import { MessageError } from '../../utils/messaging/client';
import type { FillResult } from '../../utils/messaging/protocol';

/** The built autofill content script (registration: runtime). */
const AUTOFILL_FILE = '/content-scripts/autofill.js';
/** How long the second pass waits for a field the site has not rendered yet. */
const WAIT_FOR_FIELD_MS = 4_000;

type Kind = 'code' | 'phone';

/** Runs in every frame of the page: calls the content script's fill for its own document. */
function fillInFrame(kind: Kind, value: string, waitMs: number) {
  const api = (
    globalThis as { __smsPanelAutofill?: Record<string, (v: string, o: object) => Promise<unknown>> }
  ).__smsPanelAutofill;
  if (!api) return { filled: 0, reason: 'not_loaded' };
  return kind === 'code' ? api.fillCode!(value, { waitMs }) : api.fillPhone!(value, { waitMs });
}

/**
 * Injects the autofill script into every frame of the tab and fills the code (or number).
 * A first pass fills what is there; if nothing was, a second pass waits a few seconds for a
 * field the site renders late. Only the value is sent to the page, never anything else.
 */
export async function fillInTab(tabId: number, kind: Kind, value: string): Promise<FillResult> {
  const target = { tabId, allFrames: true };
  try {
    await browser.scripting.executeScript({ target, files: [AUTOFILL_FILE] });
  } catch {
    throw new MessageError(
      'The extension may not write into this page. Open the popup from the page itself (or allow automatic fill for this site) and try again.',
      'no_access',
    );
  }
  const run = async (waitMs: number): Promise<FillResult> => {
    const results = await browser.scripting.executeScript({
      target,
      func: fillInFrame,
      args: [kind, value, waitMs],
    });
    let filled = 0;
    let reason: string | undefined;
    for (const r of results) {
      const v = r.result as FillResult | undefined;
      if (v && typeof v.filled === 'number') filled += v.filled;
      if (v?.reason && v.reason !== 'no_field' && v.reason !== 'not_loaded') reason = v.reason;
    }
    return filled ? { filled } : { filled: 0, reason: reason ?? 'no_field' };
  };
  const first = await run(0);
  if (first.filled || first.reason === 'length_mismatch') return first;
  return run(WAIT_FOR_FIELD_MS);
}

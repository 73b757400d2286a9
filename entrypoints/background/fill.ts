import { browser } from 'wxt/browser';
import { MessageError } from '../../utils/messaging/client';
import type { FillResult } from '../../utils/messaging/protocol';
import type { Handlers } from '../../utils/messaging/router';
import { latestCode, markSeen } from '../../utils/rentals/machine';
import type { Rental } from '../../utils/rentals/types';
import { copyFromBackground } from './clipboard';
import type { Core } from './core';
import { notifyText } from './notify';

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
    throw new MessageError('no_access');
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

/** The fill feature: codes and numbers into pages (on request, automatically, or from a trigger), and copying. */
export function createFill(core: Core) {
  const { store } = core;

  /** Fills a code; a code that was typed counts as seen. */
  const fillCode = async (tabId: number, code: string, rental: Rental | null) => {
    const res = await fillInTab(tabId, 'code', code);
    if (rental && res.filled) await store.update(rental.id, markSeen);
    await core.repaint();
    return res;
  };

  /** Automatic fill: a code for a site the person allowed goes into that site's open tab. */
  const autoFill = async (rental: Rental, code: string) => {
    const s = await core.settings();
    if (!rental.site || !s.autofillSites.includes(rental.site)) return;
    const granted = await browser.permissions.contains({ origins: [`${rental.site}/*`] }).catch(() => false);
    if (!granted) return;
    const tabs = await browser.tabs.query({ url: `${rental.site}/*` });
    const ordered = tabs.sort((a, b) => Number(b.id === rental.tabId) - Number(a.id === rental.tabId));
    for (const tab of ordered) {
      if (tab.id === undefined) continue;
      const res = await fillCode(tab.id, code, rental).catch(() => ({ filled: 0 }));
      if (res.filled) return;
    }
  };

  /** "Fill latest code" from a command, the context menu or a notification button. */
  const fillLatestInTab = async (tabId: number | undefined, only?: Rental) => {
    const latest = latestCode(only ? [only] : await store.list());
    const t = await core.translator();
    if (!latest) {
      await notifyText('fill', 'none', t('notifyNoCodeTitle'), t('notifyNoCodeBody'));
      return;
    }
    const res =
      tabId === undefined
        ? { filled: 0 }
        : await fillCode(tabId, latest.code, latest.rental).catch(() => ({ filled: 0 }));
    if (!res.filled) {
      await copyFromBackground(latest.code).catch(() => false);
      await notifyText(
        'fill',
        latest.rental.id,
        t('notifyFillFailedTitle'),
        t('notifyFillFailedBody', { code: latest.code }),
      );
    }
  };

  /** Copies a code from the worker; a copied code counts as seen. */
  const copyCode = async (rental: Rental, code: string) => {
    const copied = await copyFromBackground(code).catch(() => false);
    if (copied) {
      await store.update(rental.id, markSeen);
      await core.repaint();
    }
    return copied;
  };

  /** "Copy latest code" from a command or the context menu, with a notification saying so. */
  const copyLatest = async () => {
    const latest = latestCode(await store.list());
    const t = await core.translator();
    if (!latest) return notifyText('fill', 'none', t('notifyNoCodeTitle'), t('notifyNoCodeBody'));
    if (await copyCode(latest.rental, latest.code)) {
      await notifyText('fill', latest.rental.id, t('notifyCopiedTitle'), latest.code);
    }
  };

  const handlers: Pick<Handlers, 'fillCode' | 'fillNumber'> = {
    async fillCode({ tabId, code }) {
      if (typeof tabId !== 'number' || typeof code !== 'string' || !code.trim()) {
        throw new MessageError('bad_request');
      }
      const rental = (await store.list()).find((r) => r.codes.some((c) => c.code === code)) ?? null;
      return fillCode(tabId, code.trim(), rental);
    },
    async fillNumber({ tabId, number }) {
      if (typeof tabId !== 'number' || typeof number !== 'string' || !number.trim()) {
        throw new MessageError('bad_request');
      }
      return fillInTab(tabId, 'phone', number.trim());
    },
  };

  return { handlers, autoFill, fillLatestInTab, copyCode, copyLatest };
}

export type FillFeature = ReturnType<typeof createFill>;

import { browser } from 'wxt/browser';
import type { MessageKey } from '../../utils/i18n';
import { MessageError } from '../../utils/messaging/client';
import type { FillResult } from '../../utils/messaging/protocol';
import type { Handlers } from '../../utils/messaging/router';
import { isPlausibleCode } from '../../utils/otp/plausible';
import { isSecureFillOrigin, pageOrigin, siteLabel } from '../../utils/otp/site';
import { originPattern } from '../../utils/stores/types';
import { latestCode, markSeen } from '../../utils/rentals/machine';
import type { Rental } from '../../utils/rentals/types';
import { copyFromBackground } from './clipboard';
import { requireOrigin, type Core } from './core';
import { notifyText } from './notify';

/** The built autofill script (an unlisted script, injected on demand). */
const AUTOFILL_FILE = '/autofill.js';
/** How long the second pass waits for a field the site has not rendered yet. */
const WAIT_FOR_FIELD_MS = 4_000;

type Kind = 'code' | 'phone';

/** What one frame answers: a fill report, or the origin of a frame that has a field but was not filled. */
interface FrameAnswer extends FillResult {
  origin?: string;
}

/**
 * Runs in every frame of the page: fills only when the frame's origin is one of `origins` (the top
 * page's, or one the person confirmed); a frame of another origin only says whether it has a field.
 */
function fillInFrame(kind: Kind, value: string, waitMs: number, origins: string[]) {
  const api = (
    globalThis as {
      __smsPanelAutofill?: Record<string, (v: string, o: object) => Promise<unknown>>;
    }
  ).__smsPanelAutofill;
  if (!api) return { filled: 0, reason: 'not_loaded' };
  const origin = location.origin;
  if (!origins.includes(origin)) {
    return api.hasField!(kind, { waitMs }).then((has) =>
      has ? { filled: 0, reason: 'other_origin', origin } : { filled: 0, reason: 'no_field' },
    );
  }
  return kind === 'code' ? api.fillCode!(value, { waitMs }) : api.fillPhone!(value, { waitMs });
}

/** The origin of the tab's top page: its address, else what its top frame says; null when unknown. */
export async function topOrigin(tabId: number): Promise<string | null> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const fromUrl = pageOrigin(tab?.url);
  if (fromUrl) return fromUrl;
  const [top] = await browser.scripting
    .executeScript({ target: { tabId, frameIds: [0] }, func: () => location.origin })
    .catch(() => []);
  const origin = top?.result;
  return typeof origin === 'string' && origin !== 'null' ? origin : null;
}

/**
 * Injects the autofill script into the tab and fills the code (or number) into the top frame and
 * frames of its origin (and of `allowFrameOrigin`, once confirmed). Frames of other origins that
 * have a field are listed in `blockedFrames`. A first pass fills what is there; if nothing was,
 * a second pass waits a few seconds for a field the site renders late. Only the value is sent.
 */
export async function fillInTab(
  tabId: number,
  kind: Kind,
  value: string,
  allowFrameOrigin?: string,
): Promise<FillResult> {
  const target = { tabId, allFrames: true };
  try {
    await browser.scripting.executeScript({ target, files: [AUTOFILL_FILE] });
  } catch {
    throw new MessageError('no_access');
  }
  const top = await topOrigin(tabId);
  if (!top) return { filled: 0, reason: 'no_field' };
  const origins = allowFrameOrigin ? [top, allowFrameOrigin] : [top];
  const run = async (waitMs: number): Promise<FillResult> => {
    const results = await browser.scripting.executeScript({
      target,
      func: fillInFrame,
      args: [kind, value, waitMs, origins],
    });
    let filled = 0;
    let reason: string | undefined;
    const blocked = new Set<string>();
    for (const r of results) {
      const v = r.result as FrameAnswer | undefined;
      if (v && typeof v.filled === 'number') filled += v.filled;
      if (v?.reason === 'other_origin' && v.origin) blocked.add(v.origin);
      else if (v?.reason && v.reason !== 'no_field' && v.reason !== 'not_loaded') reason = v.reason;
    }
    const blockedFrames = blocked.size ? { blockedFrames: [...blocked] } : {};
    if (filled) return { filled, ...blockedFrames };
    return { filled: 0, reason: blocked.size ? 'other_origin' : (reason ?? 'no_field'), ...blockedFrames };
  };
  const first = await run(0);
  if (first.filled || first.reason === 'length_mismatch' || first.blockedFrames) return first;
  return run(WAIT_FOR_FIELD_MS);
}

/** The fill feature: codes and numbers into pages (on request, automatically, or from a trigger), and copying. */
export function createFill(core: Core) {
  const { store } = core;

  /** Fills a code; a code that was typed counts as seen. */
  const fillCode = async (tabId: number, code: string, rental: Rental | null, allowFrameOrigin?: string) => {
    const res = await fillInTab(tabId, 'code', code, allowFrameOrigin);
    if (rental && res.filled) await store.update(rental.id, markSeen);
    await core.repaint();
    return res;
  };

  /**
   * Automatic fill: a plausible code for a site the person allowed goes into open tabs of exactly
   * that origin (scheme, host, port), https or loopback only, top frame and same-origin frames only.
   */
  const autoFill = async (rental: Rental, code: string) => {
    const site = rental.site;
    if (!site || !isPlausibleCode(code) || !isSecureFillOrigin(site)) return;
    const s = await core.settings();
    if (!s.autofillSites.includes(site)) return;
    const granted = await browser.permissions.contains({ origins: [originPattern(site)] }).catch(() => false);
    if (!granted) return;
    const tabs = (await browser.tabs.query({})).filter((tab) => pageOrigin(tab.url) === site);
    const ordered = tabs.sort((a, b) => Number(b.id === rental.tabId) - Number(a.id === rental.tabId));
    for (const tab of ordered) {
      if (tab.id === undefined) continue;
      const res = await fillCode(tab.id, code, rental).catch(() => ({ filled: 0 }));
      if (res.filled) return;
    }
  };

  /** Tells the person why a trigger typed nothing (the code is shown so it can still be copied). */
  const notifyNotTyped = async (rental: Rental, key: MessageKey, params: Record<string, string>) => {
    const t = await core.translator();
    await notifyText('fill', rental.id, t('notifyNotFilledTitle'), t(key, params));
  };

  /**
   * "Fill code" from the command, the context menu or a notification's button: the code of the
   * number rented for the tab's site (or the notification's own number). It types only a plausible
   * code, only on the site the number was rented for, and only into the top frame and frames of
   * its origin; otherwise a notification names the sites and asks the person to fill from the popup.
   */
  const fillForTrigger = async (tabId: number | undefined, only?: Rental) => {
    const rentals = only ? [only] : await store.list();
    const t = await core.translator();
    if (!latestCode(rentals)) {
      await notifyText('fill', 'none', t('notifyNoCodeTitle'), t('notifyNoCodeBody'));
      return;
    }
    const here = tabId === undefined ? null : await topOrigin(tabId);
    const forHere = here ? rentals.filter((r) => r.site === here) : [];
    const latest = (latestCode(forHere) ?? latestCode(rentals))!;
    const { rental, code } = latest;
    if (!isPlausibleCode(code)) return notifyNotTyped(rental, 'notifyImplausibleBody', { code });
    if (tabId === undefined || !here) return notifyNotTyped(rental, 'notifyNoPageBody', { code });
    if (rental.site !== here) {
      const key = rental.site ? 'notifyOtherSiteBody' : 'notifyNoSiteBody';
      return notifyNotTyped(rental, key, { code, site: siteLabel(rental.site), here: siteLabel(here) });
    }
    const res = await fillCode(tabId, code, rental).catch(() => ({ filled: 0 }) as FillResult);
    if (res.filled) return;
    const frame = res.blockedFrames?.[0];
    if (frame) {
      return notifyNotTyped(rental, 'notifyFrameBody', {
        code,
        frame: siteLabel(frame),
        here: siteLabel(here),
      });
    }
    await copyFromBackground(code).catch(() => false);
    await notifyText('fill', rental.id, t('notifyFillFailedTitle'), t('notifyFillFailedBody', { code }));
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
    async fillCode({ tabId, code, allowFrameOrigin }) {
      if (typeof tabId !== 'number' || typeof code !== 'string' || !code.trim()) {
        throw new MessageError('nothing_to_fill');
      }
      if (allowFrameOrigin !== undefined && typeof allowFrameOrigin !== 'string') {
        throw new MessageError('bad_request');
      }
      const frame = allowFrameOrigin === undefined ? undefined : requireOrigin(allowFrameOrigin);
      const rental = (await store.list()).find((r) => r.codes.some((c) => c.code === code)) ?? null;
      return fillCode(tabId, code.trim(), rental, frame);
    },
    async fillNumber({ tabId, number }) {
      if (typeof tabId !== 'number' || typeof number !== 'string' || !number.trim()) {
        throw new MessageError('nothing_to_fill');
      }
      return fillInTab(tabId, 'phone', number.trim());
    },
  };

  return { handlers, autoFill, fillForTrigger, copyCode, copyLatest };
}

export type FillFeature = ReturnType<typeof createFill>;

import { signal, type ReadonlySignal } from '@preact/signals';
import { siteLabel } from '../otp/site';
import type { Rental } from '../rentals/types';
import { errorText, fillReasonText } from './errors';
import type { Note, PopupState, RentalAction } from './popupState';
import type { RentalDeps } from './popupRentals';

/** A question the popup asks before a Fill goes on: the code is for another site, or the field is in another site's frame. */
export interface FillAsk {
  text: string;
  code: string;
  /** The frame origin the next fill may write into, once the person confirms. */
  frame?: string;
}

/** What the fill actions borrow from the rental actions. */
interface Helpers {
  setBusy(id: string, action: RentalAction | null): void;
  setNote(id: string, note: Note | null): void;
  markSeen(rental: Rental): Promise<void>;
}

/**
 * Filling from the popup: a code goes straight in on the site its number was rented for; on another
 * site, or into a frame of another origin, the popup first asks, naming both sites.
 */
export function createFillActions(s: PopupState, deps: RentalDeps, h: Helpers) {
  const t = () => s.t.value;
  const asks = signal<Record<string, FillAsk>>({});
  const setAsk = (id: string, ask: FillAsk | null) => {
    const next = { ...asks.value };
    if (ask) next[id] = ask;
    else delete next[id];
    asks.value = next;
  };

  /** Fills the code (or the number); `confirmed` carries what the person already agreed to. */
  async function fill(
    rental: Rental,
    kind: 'fillCode' | 'fillNumber',
    value: string,
    confirmed: { site?: boolean; frame?: string } = {},
  ): Promise<void> {
    if (s.rentalBusy.value[rental.id]) return;
    h.setBusy(rental.id, kind);
    setAsk(rental.id, null);
    try {
      const { tabId, site: here } = await deps.target();
      if (tabId === null) {
        h.setNote(rental.id, { tone: 'error', text: t()('ui_fill_no_tab') });
        return;
      }
      if (kind === 'fillCode' && !confirmed.site && rental.site && here && here !== rental.site) {
        const text = t()('ui_fill_other_site', { site: siteLabel(rental.site), here: siteLabel(here) });
        setAsk(rental.id, { text, code: value });
        deps.announce(text);
        return;
      }
      const result =
        kind === 'fillCode'
          ? await deps.send('fillCode', {
              tabId,
              code: value,
              ...(confirmed.frame ? { allowFrameOrigin: confirmed.frame } : {}),
            })
          : await deps.send('fillNumber', { tabId, number: value });
      const frame = result.blockedFrames?.[0];
      if (kind === 'fillCode' && result.filled === 0 && frame && frame !== confirmed.frame) {
        const text = t()('ui_fill_frame_ask', {
          frame: siteLabel(frame),
          site: siteLabel(here ?? rental.site),
        });
        setAsk(rental.id, { text, code: value, frame });
        deps.announce(text);
        return;
      }
      const note: Note =
        result.filled > 0
          ? {
              tone: 'ok',
              text: t()(result.filled === 1 ? 'ui_filled_one' : 'ui_filled_many', { count: result.filled }),
            }
          : { tone: 'warn', text: fillReasonText(kind, result.reason, t()) };
      h.setNote(rental.id, note);
      deps.announce(note.text);
    } catch (error) {
      h.setNote(rental.id, { tone: 'error', text: errorText(error, t()) });
    } finally {
      h.setBusy(rental.id, null);
    }
    if (kind === 'fillCode') void h.markSeen(rental);
  }

  return {
    /** The open questions, by rental id. */
    fillAsks: asks as ReadonlySignal<Record<string, FillAsk>>,
    fillCode: (rental: Rental, code: string) => fill(rental, 'fillCode', code),
    fillNumber: (rental: Rental, number: string) => fill(rental, 'fillNumber', number),
    /** The person agreed: fill on this site, into the named frame's origin when the question named one. */
    confirmFill: (rental: Rental) => {
      const ask = asks.value[rental.id];
      if (!ask) return Promise.resolve();
      return fill(rental, 'fillCode', ask.code, { site: true, frame: ask.frame });
    },
    /** The person declined: nothing is filled. */
    declineFill: (rental: Rental) => setAsk(rental.id, null),
  };
}

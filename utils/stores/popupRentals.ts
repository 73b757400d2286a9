import type { Rental } from '../rentals/types';
import type { CatalogService } from '../storage';
import { cancelSentence } from './cancelText';
import { errorText, rentErrorText } from './errors';
import { whenFound } from './itemSignal';
import { createFillActions } from './popupFill';
import type { Note, PopupState, RentalAction } from './popupState';
import { isRentable } from './services';
import type { Send, TargetTab } from './types';

export interface RentalDeps {
  send: Send;
  /** Asks the browser for host access to an origin (inside the person's click). */
  permissions: { request: (origin: string) => Promise<boolean> };
  target: () => Promise<TargetTab>;
  copyText: (text: string) => Promise<void>;
  newRequestId: () => string;
  announce: (text: string) => void;
  notify: (note: Note & { rentalId?: string }) => void;
}

/** Renting, cancelling, copying and filling: the actions on numbers. */
export function createRentalActions(s: PopupState, deps: RentalDeps) {
  const t = () => s.t.value;
  const seenSent = new Set<string>();

  const setBusy = (id: string, action: RentalAction | null) => {
    const next = { ...s.rentalBusy.value };
    if (action) next[id] = action;
    else delete next[id];
    s.rentalBusy.value = next;
  };
  const setNote = (id: string, note: Note | null) => {
    const next = { ...s.rentalNotes.value };
    if (note) next[id] = note;
    else delete next[id];
    s.rentalNotes.value = next;
  };

  /** Tells the background the person saw a rental's codes (clears its badge count); sent once per code. */
  async function markSeen(rental: Rental): Promise<void> {
    if (!rental.codes.some((c) => !c.seen)) return;
    const mark = `${rental.id}:${rental.codes.length}`;
    if (seenSent.has(mark)) return;
    seenSent.add(mark);
    try {
      await deps.send('markSeen', { rentalId: rental.id });
    } catch {
      seenSent.delete(mark); // tried again on the next change or open
    }
  }

  /** Rents one number: a fresh requestId per click, one rent in flight per service, never retried by itself. */
  async function rent(service: CatalogService): Promise<Rental | null> {
    if (s.renting.value.has(service.id) || !isRentable(service)) return null;
    s.renting.value = new Set([...s.renting.value, service.id]);
    s.rentError.value = null;
    const requestId = deps.newRequestId();
    try {
      const target = await deps.target();
      const category = s.catalog.value.categories.find((c) => c.id === service.categoryId);
      const { rentalId } = await deps.send('rent', {
        serviceId: service.id,
        serviceName: service.name,
        categoryName: category?.name ?? '',
        price: service.price ?? 0,
        currency: s.headerBalance.value?.currency ?? null,
        requestId,
        site: target.site,
        tabId: target.tabId,
      });
      // The background stored the rental before it answered; its watch brings it here.
      const rental = await whenFound(() => s.rentals.value.find((r) => r.id === rentalId));
      deps.announce(t()('ui_rented', { service: service.name, number: rental?.number ?? '' }));
      return rental;
    } catch (error) {
      s.rentError.value = { serviceId: service.id, error };
      deps.announce(rentErrorText(error, service.name, t()));
      return null;
    } finally {
      const next = new Set(s.renting.value);
      next.delete(service.id);
      s.renting.value = next;
    }
  }

  /** Cancels a number for a refund and shows the panel's answer. */
  async function cancel(rental: Rental): Promise<void> {
    if (s.rentalBusy.value[rental.id]) return;
    setBusy(rental.id, 'cancel');
    setNote(rental.id, null);
    try {
      await deps.send('cancelRental', { rentalId: rental.id });
      const answer = (await storedCancel(rental)) ?? rental;
      const note = cancelSentence(answer.cancel, t());
      setNote(rental.id, note);
      deps.notify({
        tone: note.tone,
        text: `${answer.number ?? answer.serviceName}: ${note.text}`,
        rentalId: rental.id,
      });
      deps.announce(note.text);
    } catch (error) {
      const text = errorText(error, t());
      setNote(rental.id, { tone: 'error', text });
      deps.announce(text);
    } finally {
      setBusy(rental.id, null);
    }
  }

  /**
   * "Rent another" and "Cancel and rent another": busy at once (a double click sends nothing more),
   * the rest loads on first use (popup first-paint budget).
   */
  async function again(rental: Rental, cancelFirst: boolean): Promise<void> {
    if (s.rentalBusy.value[rental.id]) return;
    setBusy(rental.id, 'again');
    setNote(rental.id, null);
    try {
      const { sendAgain } = await import('./popupAgain');
      await sendAgain(s, deps, { setNote, whenFound, rentErrorText, cancelSentence }, rental, cancelFirst);
    } finally {
      setBusy(rental.id, null);
    }
  }

  /** The rental once storage holds the panel's answer to this cancel (active list or history). */
  function storedCancel(before: Rental): Promise<Rental | null> {
    const beforeAt = before.cancel?.at;
    return whenFound(() => {
      const found =
        s.rentals.value.find((r) => r.id === before.id) ?? s.history.value.find((r) => r.id === before.id);
      return found?.cancel && found.cancel.at !== beforeAt ? found : null;
    });
  }

  /** Takes a rental off the active list (code used, or an unknown entry the person checked). */
  async function finish(rental: Rental): Promise<void> {
    if (s.rentalBusy.value[rental.id]) return;
    setBusy(rental.id, 'finish');
    try {
      await deps.send('finishRental', { rentalId: rental.id });
    } catch (error) {
      setNote(rental.id, { tone: 'error', text: errorText(error, t()) });
    } finally {
      setBusy(rental.id, null);
    }
  }

  /** Copies a number or code; copying a code counts as seeing it. */
  async function copy(rental: Rental, text: string, isCode: boolean): Promise<void> {
    try {
      await deps.copyText(text);
      setNote(rental.id, { tone: 'ok', text: t()('ui_copied', { text }) });
      deps.announce(t()('ui_copied', { text }));
    } catch {
      setNote(rental.id, { tone: 'error', text: t()('ui_copy_failed') });
    }
    if (isCode) void markSeen(rental);
  }

  /**
   * Turns on automatic fill for the site a number was rented for: host access to that origin
   * only, asked inside the click; then codes for that site fill its open tab without a click.
   */
  async function allowAutofill(rental: Rental): Promise<void> {
    const site = rental.site;
    if (!site) return;
    const host = new URL(site).host;
    setBusy(rental.id, 'autofill');
    try {
      if (!(await deps.permissions.request(site))) {
        setNote(rental.id, { tone: 'warn', text: t()('ui_autofill_refused', { site: host }) });
        return;
      }
      await deps.send('setAutofillSite', { origin: site, enabled: true });
      const text = t()('ui_autofill_on', { site: host });
      setNote(rental.id, { tone: 'ok', text });
      deps.announce(text);
    } catch (error) {
      setNote(rental.id, { tone: 'error', text: errorText(error, t()) });
    } finally {
      setBusy(rental.id, null);
    }
  }

  return {
    rent,
    cancel,
    rentAgain: (rental: Rental) => again(rental, false),
    cancelAndRentAnother: (rental: Rental) => again(rental, true),
    allowAutofill,
    finish,
    markSeen,
    copyNumber: (rental: Rental, text: string) => copy(rental, text, false),
    copyCode: (rental: Rental, code: string) => copy(rental, code, true),
    ...createFillActions(s, deps, { setBusy, setNote, markSeen }),
    /** Clears the rent error (e.g. when the person picks another category). */
    clearRentError: () => {
      s.rentError.value = null;
    },
  };
}

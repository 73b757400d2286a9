import type { Rental } from '../rentals/types';
import type { cancelSentence } from './cancelText';
import type { rentErrorText } from './errors';
import type { whenFound } from './itemSignal';
import type { Note, PopupState } from './popupState';
import type { RentalDeps } from './popupRentals';

/** What the first-paint bundle already holds, passed in so this chunk shares it instead of splitting it out. */
export interface AgainHelpers {
  setNote: (id: string, note: Note | null) => void;
  whenFound: typeof whenFound;
  rentErrorText: typeof rentErrorText;
  cancelSentence: typeof cancelSentence;
}

/**
 * Sends "Rent another" (a number that ended without a code) or "Cancel and rent another" (a
 * waiting one) once, with a fresh requestId; the background does the work and stores how it went.
 * Loaded on first use: the popup's first paint does not carry it.
 */
export async function sendAgain(
  s: PopupState,
  deps: Pick<RentalDeps, 'send' | 'target' | 'newRequestId' | 'announce' | 'notify'>,
  { setNote, whenFound, rentErrorText, cancelSentence }: AgainHelpers,
  rental: Rental,
  cancelFirst: boolean,
): Promise<void> {
  const t = s.t.value;
  try {
    const { site, tabId } = await deps.target();
    const req = { rentalId: rental.id, requestId: deps.newRequestId(), site, tabId };
    let newId: string | undefined;
    if (cancelFirst) {
      await deps.send('cancelAndRentAnother', req);
      // Storage holds how it ended: the new number, or the refused cancel (with when to try again).
      const done = await whenFound(() =>
        s.rentals.value.find(
          (r) => r.again?.requestId === req.requestId && !['cancelling', 'renting'].includes(r.again.step),
        ),
      );
      newId = done?.again?.rentalId;
      if (!newId && done?.cancel) deps.announce(cancelSentence(done.cancel, t).text);
    } else newId = (await deps.send('rentAgain', req)).rentalId;
    const fresh = newId && (await whenFound(() => s.rentals.value.find((r) => r.id === newId)));
    if (fresh) deps.announce(t('ui_rented', { service: fresh.serviceName, number: fresh.number ?? '' }));
  } catch (error) {
    const text = rentErrorText(error, rental.serviceName, t);
    setNote(rental.id, { tone: 'error', text });
    deps.notify({ tone: 'error', text, rentalId: rental.id });
    deps.announce(text);
  }
}

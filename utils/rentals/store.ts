import { createSerialQueue } from '../async';
import type { Rental } from './types';
import { isFinished } from './machine';

/** The slice of a WXT storage item the store needs (tests pass plain in-memory ones). */
export interface ValueItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** Finished rentals stay in the active list this long so the person sees how they ended. */
export const FINISHED_GRACE_MS = 10 * 60_000;

/**
 * Rentals in storage, changed one at a time: every change is read-modify-write inside one
 * queue, so the poller and the message handlers never overwrite each other.
 */
export function createRentalStore(items: {
  active: ValueItem<Rental[]>;
  history: ValueItem<Rental[]>;
  historyLimit: number;
}) {
  const serial = createSerialQueue();

  const archiveIn = async (moved: Rental[]) => {
    if (!moved.length) return;
    const history = await items.history.getValue();
    const ids = new Set(moved.map((r) => r.id));
    const merged = [...moved, ...history.filter((r) => !ids.has(r.id))];
    merged.sort((a, b) => b.createdAt - a.createdAt);
    await items.history.setValue(merged.slice(0, items.historyLimit));
  };

  return {
    /** Active rentals, newest first. */
    list: () => items.active.getValue(),
    history: () => items.history.getValue(),
    get: async (id: string) => (await items.active.getValue()).find((r) => r.id === id) ?? null,
    /** Adds a rental at the top. */
    add: (rental: Rental) =>
      serial(async () => {
        const all = await items.active.getValue();
        await items.active.setValue([rental, ...all.filter((r) => r.id !== rental.id)]);
        return rental;
      }),
    /** Changes one rental; answers the new value, or null when it is not active. */
    update: (id: string, change: (r: Rental) => Rental) =>
      serial(async () => {
        const all = await items.active.getValue();
        const i = all.findIndex((r) => r.id === id);
        if (i < 0) return null;
        const next = change(all[i]!);
        if (next === all[i]) return next;
        const copy = all.slice();
        copy[i] = next;
        await items.active.setValue(copy);
        return next;
      }),
    /** Drops a rental that never existed at the panel (the rent was refused). */
    remove: (id: string) =>
      serial(async () => {
        const all = await items.active.getValue();
        await items.active.setValue(all.filter((r) => r.id !== id));
      }),
    /** Changes every active rental at once (start-up recovery, mark all seen). */
    updateAll: (change: (r: Rental) => Rental) =>
      serial(async () => {
        const all = await items.active.getValue();
        const next = all.map(change);
        if (next.some((r, i) => r !== all[i])) await items.active.setValue(next);
        return next;
      }),
    /**
     * Moves rentals to the history: the ones `pick` names, and finished ones older than the
     * grace period.
     */
    archive: (now: number, pick: (r: Rental) => boolean = () => false) =>
      serial(async () => {
        const all = await items.active.getValue();
        const moved = all.filter(
          (r) => pick(r) || (isFinished(r) && r.endedAt !== null && now - r.endedAt > FINISHED_GRACE_MS),
        );
        if (!moved.length) return 0;
        await archiveIn(moved);
        await items.active.setValue(all.filter((r) => !moved.includes(r)));
        return moved.length;
      }),
    clearHistory: () => serial(() => items.history.setValue([])),
  };
}

export type RentalStore = ReturnType<typeof createRentalStore>;

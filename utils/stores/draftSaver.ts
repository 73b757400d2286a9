import type { WatchedItem } from './types';

/**
 * Saves a part of a stored object after the person stops typing, merging into the stored value
 * so fields written by someone else (another tab of the popup) are kept. `flush` saves at once.
 */
export function createDraftSaver<T extends object>(item: WatchedItem<T>, delayMs: number) {
  let pending: Partial<T> = {};
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();

  async function write(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const patch = pending;
    pending = {};
    if (Object.keys(patch).length === 0) return;
    writing = writing.then(async () => {
      const current = await item.getValue();
      await item.setValue({ ...current, ...patch });
    });
    return writing.catch(() => undefined);
  }

  return {
    /** Queues fields to save; the write happens `delayMs` after the last change. */
    save(patch: Partial<T>): void {
      pending = { ...pending, ...patch };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void write(), delayMs);
    },
    /** Writes what is queued now (the popup is closing). */
    flush: write,
  };
}

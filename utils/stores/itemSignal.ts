import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { ReadableItem } from './types';

/** A storage item as a signal: the one path by which a page reads persisted state. */
export interface ItemSignal<T> {
  value: ReadonlySignal<T>;
  /** Resolves once the stored value has been read (or a change arrived first). */
  ready: Promise<void>;
  /** Stops watching storage. */
  dispose(): void;
}

/**
 * Reads an item once and follows its changes. The watch is set up before the first read, and a
 * change that arrives before that read answers wins: it is newer than what the read returns.
 */
export function itemSignal<T>(item: ReadableItem<T>, fallback: T): ItemSignal<T> {
  const value = signal<T>(fallback);
  let changed = false;
  let live = true;
  const unwatch = item.watch((next) => {
    changed = true;
    value.value = next ?? fallback;
  });
  const ready = item.getValue().then(
    (stored) => {
      if (live && !changed) value.value = stored ?? fallback;
    },
    () => undefined, // the fallback stays: a page still paints
  );
  return {
    value,
    ready,
    dispose() {
      live = false;
      unwatch();
    },
  };
}

/**
 * Waits until `pick` finds something in signals that storage fills (a rental the background just
 * wrote arrives by its watch, which may come a moment after the reply); null after `timeoutMs`.
 */
export function whenFound<T>(pick: () => T | null | undefined, timeoutMs = 5000): Promise<T | null> {
  return new Promise((resolve) => {
    let stop: (() => void) | null = null;
    let done = false;
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(found: T | null): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => stop?.());
      resolve(found);
    }
    stop = effect(() => {
      const found = pick();
      if (found !== null && found !== undefined) finish(found);
    });
    if (done) stop();
  });
}

import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** An in-memory event with trigger(), for events the fake browser leaves out. */
export function fakeEvent() {
  const listeners = new Set<(...a: unknown[]) => unknown>();
  return {
    addListener: (l: (...a: unknown[]) => unknown) => void listeners.add(l),
    removeListener: (l: (...a: unknown[]) => unknown) => void listeners.delete(l),
    hasListener: (l: (...a: unknown[]) => unknown) => listeners.has(l),
    hasListeners: () => listeners.size > 0,
    trigger: (...a: unknown[]) => Promise.all([...listeners].map((l) => l(...a))),
  };
}
export type FakeEvent = ReturnType<typeof fakeEvent>;

/** Fills in what the background registers but the fake browser does not implement. */
export function patchFakeBrowser() {
  const fb = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  fb.contextMenus!.onClicked = fakeEvent();
  fb.contextMenus!.create = vi.fn();
  fb.contextMenus!.removeAll = vi.fn(async () => undefined);
  fb.commands!.onCommand = fakeEvent();
  fb.runtime!.onConnect = fakeEvent();
  fb.runtime!.getPlatformInfo = vi.fn(async () => ({ os: 'linux' }));
  // Chrome's access level for extension storage (the worker logs loudly when it is missing).
  (fb.storage!.local as Record<string, unknown>).setAccessLevel = vi.fn(async () => undefined);
}

import { storage } from 'wxt/utils/storage';

/**
 * A real WXT storage item over the fake browser's local storage, for unit tests. The vitest setup
 * (tests/fakes/setup.ts) resets the fake browser before each test; give every item its own key.
 */
export function fakeItem<T>(key: string, fallback: T) {
  return storage.defineItem<T>(`local:${key}` as const, { fallback });
}

import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { App } from '../../entrypoints/popup/App';
import type { PopupDeps } from '../../utils/stores/popup';
import { makePopup, type Handlers, type World } from './fakes';

/** Starts a popup store over fakes and renders the popup's App on it. */
export async function renderPopup(world: World = {}, handlers: Handlers = {}, over: Partial<PopupDeps> = {}) {
  const ctx = await makePopup(world, handlers, over);
  await ctx.store.start();
  const onOpenOptions = vi.fn();
  const view = render(<App store={ctx.store} onOpenOptions={onOpenOptions} />);
  return { ...ctx, ...view, onOpenOptions };
}

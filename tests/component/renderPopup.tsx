import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { HistoryView } from '../../components/NumbersTab';
import { ServiceList } from '../../components/RentPanel';
import { App } from '../../entrypoints/popup/App';
import type { PopupDeps } from '../../utils/stores/popup';
import { makePopup, type Handlers, type World } from './fakes';

/** Starts a popup store over fakes and renders the popup's App on it. */
export async function renderPopup(world: World = {}, handlers: Handlers = {}, over: Partial<PopupDeps> = {}) {
  // A category's services and the history are lazy chunks: loaded ahead, they render at once.
  await Promise.all([ServiceList.preload(), HistoryView.preload()]);
  const ctx = await makePopup(world, handlers, over);
  await ctx.store.start();
  const onOpenOptions = vi.fn();
  const view = render(<App store={ctx.store} onOpenOptions={onOpenOptions} />);
  return { ...ctx, ...view, onOpenOptions };
}

import { browser } from 'wxt/browser';
import { unseenCount } from '../../utils/rentals/machine';
import type { Rental } from '../../utils/rentals/types';

const GREEN = '#1a7f37';
const NEUTRAL = '#57606a';

/** What the badge shows: unseen codes (green), else waiting numbers (neutral), else nothing. */
export function badgeFor(rentals: readonly Rental[]): { text: string; color: string } {
  const unseen = unseenCount(rentals);
  if (unseen) return { text: String(unseen), color: GREEN };
  const waiting = rentals.filter((r) => r.state === 'waiting' || r.state === 'renting').length;
  if (waiting) return { text: String(waiting), color: NEUTRAL };
  return { text: '', color: NEUTRAL };
}

/** Paints the toolbar badge from the active rentals. */
export async function paintBadge(rentals: readonly Rental[]): Promise<void> {
  const { text, color } = badgeFor(rentals);
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action =
    browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeBackgroundColor({ color });
  await action.setBadgeText({ text });
  const withTextColor = action as { setBadgeTextColor?(d: { color: string }): Promise<void> };
  await withTextColor.setBadgeTextColor?.({ color: '#ffffff' });
}

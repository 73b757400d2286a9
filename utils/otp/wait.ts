import { deepShadowRoots, viewOf } from './dom.ts';
import { findCodeTarget } from './find-code-target.ts';
import type { CodeTarget, Win } from './types.ts';

/**
 * Resolve with `find(root)` as soon as it finds something (a field rendered later, as in two-step forms),
 * or with null after `timeoutMs`. Watches DOM changes under `root` and in the open shadow roots it can see,
 * and re-checks every half second for fields that CSS alone reveals.
 */
export function waitFor<T>(
  root: ParentNode,
  win: Win,
  timeoutMs: number,
  find: (root: ParentNode, win: Win) => T | null,
): Promise<T | null> {
  return new Promise((resolve) => {
    const watched = new Set<Node>();
    let done = false;
    let queued = false;
    const finish = (found: T | null) => {
      if (done) return;
      done = true;
      observer.disconnect();
      win.clearTimeout(timer);
      win.clearInterval(poll);
      resolve(found);
    };
    const watch = (node: Node) => {
      if (watched.has(node)) return;
      watched.add(node);
      observer.observe(node, { subtree: true, childList: true, attributes: true });
    };
    const check = () => {
      queued = false;
      if (done) return;
      const found = find(root, win);
      if (found) return finish(found);
      deepShadowRoots(root).forEach(watch);
    };
    // A burst of mutations (a framework rendering) is checked once, after it.
    const observer = new win.MutationObserver(() => {
      if (queued) return;
      queued = true;
      win.setTimeout(check, 30);
    });
    const timer = win.setTimeout(() => finish(find(root, win)), timeoutMs);
    const poll = win.setInterval(check, 500);
    watch(root as Node);
    check();
  });
}

/** Wait up to `timeoutMs` for a one-time-code field under `root`; null if none appeared. */
export function waitForCodeTarget(
  root: ParentNode,
  win: Win = viewOf(root as Node),
  timeoutMs = 5000,
): Promise<CodeTarget | null> {
  return waitFor(root, win, timeoutMs, findCodeTarget);
}

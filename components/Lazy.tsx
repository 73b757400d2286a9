import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Skeleton } from './Skeleton';

/** A lazily loaded component; `preload()` loads its code ahead (tests, a likely next view). */
export type LazyComponent<P> = ComponentType<P> & { preload: () => Promise<unknown> };

/**
 * A component whose code is loaded on first use (from the extension's own files), showing a
 * skeleton meanwhile (nothing when `rows` is 0): what the popup shows on most opens stays within its
 * script budget. Once loaded it renders at once (no skeleton frame on later mounts).
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  rows = 4,
): LazyComponent<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let ready: { C: ComponentType<P> } | null = null;
  const preload = () =>
    (loading ??= load().then(
      (C) => ((ready = { C }), C),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    ));
  function Lazy(props: P) {
    const [loaded, setLoaded] = useState(ready);
    useEffect(() => {
      let live = true;
      if (!loaded)
        preload().then(
          (C) => live && setLoaded({ C }),
          () => undefined,
        );
      return () => {
        live = false;
      };
    }, []);
    return loaded ? <loaded.C {...props} /> : rows ? <Skeleton rows={rows} /> : null;
  }
  return Object.assign(Lazy, { preload });
}

import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Skeleton } from './Skeleton';

/**
 * A component whose code is loaded on first use (from the extension's own files), showing a
 * skeleton meanwhile (nothing when `rows` is 0): what the popup shows on most opens stays within its
 * script budget.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  rows = 4,
): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [loaded, setLoaded] = useState<{ C: ComponentType<P> } | null>(null);
    useEffect(() => {
      let live = true;
      loading ??= load();
      loading.then(
        (C) => live && setLoaded({ C }),
        () => (loading = null),
      );
      return () => {
        live = false;
      };
    }, []);
    return loaded ? <loaded.C {...props} /> : rows ? <Skeleton rows={rows} /> : null;
  };
}

import type { ComponentChildren } from 'preact';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

interface Props<K extends string> {
  label: string;
  tabs: readonly TabDef<K>[];
  selected: K;
  onSelect: (key: K) => void;
  children: ComponentChildren;
}

/** Tabs with the ARIA tab pattern; every tab is in the Tab order (arrows are a bonus, never required). */
export function TabBar<K extends string>({ label, tabs, selected, onSelect, children }: Props<K>) {
  const move = (from: number, step: number) => {
    const next = tabs[(from + step + tabs.length) % tabs.length]!;
    onSelect(next.key);
    queueMicrotask(() => document.getElementById(`tab-${next.key}`)?.focus());
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label={label}>
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            id={`tab-${tab.key}`}
            type="button"
            role="tab"
            class="tab"
            aria-selected={tab.key === selected}
            aria-controls={`panel-${tab.key}`}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(i, 1);
              if (e.key === 'ArrowLeft') move(i, -1);
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div class="tab-panel" role="tabpanel" id={`panel-${selected}`} aria-labelledby={`tab-${selected}`}>
        {children}
      </div>
    </>
  );
}

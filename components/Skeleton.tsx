import { useI18n } from './I18n';

/** Grey placeholder rows shown while something loads for the first time. */
export function Skeleton({ rows = 4 }: { rows?: number }) {
  const { t } = useI18n();
  return (
    <div class="skeleton" role="status" aria-label={t('ui_loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} class="skeleton-row" />
      ))}
    </div>
  );
}

import type { PopupStore } from '../utils/stores/popup';
import { useI18n } from './I18n';
import { RentalCard } from './RentalCard';

/** The numbers that are live or need attention, newest first. */
export function ActiveRentals({ store }: { store: PopupStore }) {
  const { t } = useI18n();
  const rentals = [...store.rentals.value].sort((a, b) => b.createdAt - a.createdAt);
  if (rentals.length === 0) return null;
  return (
    <section class="stack" aria-labelledby="active-title">
      <h2 id="active-title" class="section-title">
        {t('ui_active_numbers')}
      </h2>
      {rentals.map((r) => (
        <RentalCard key={r.id} store={store} rental={r} />
      ))}
    </section>
  );
}

import { useI18n } from './I18n';
import { downloadText } from '../utils/export/download';
import { csvFileName, ordersCsv, rentalsCsv } from '../utils/export/history';
import type { Translate } from '../utils/i18n';
import { ordersItem, rentalHistoryItem, rentalsItem } from '../utils/storage';
import { statusLabel } from './orders/words';

/** What a file holds: the numbers (live and history) or the orders, read from storage when clicked. */
const BUILD: Record<'numbers' | 'orders', (t: Translate) => Promise<string>> = {
  numbers: async (t) =>
    rentalsCsv([...(await rentalsItem.getValue()), ...(await rentalHistoryItem.getValue())], t),
  orders: async (t) => ordersCsv(await ordersItem.getValue(), t, (o) => statusLabel(o, t)),
};

/** Downloads the numbers or the orders as a CSV file (headers in the person's language). */
export function ExportCsvButton({ what, small = false }: { what: 'numbers' | 'orders'; small?: boolean }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      class={small ? 'btn btn-small' : 'btn'}
      data-testid={`export-${what}`}
      onClick={() =>
        void BUILD[what](t).then((csv) => downloadText(document, csvFileName(what, Date.now()), csv))
      }
    >
      {t(what === 'numbers' ? 'export_rentals_csv' : 'export_orders_csv')}
    </button>
  );
}

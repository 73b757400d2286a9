import type { MassBatch, MassLine } from '../../utils/orders/types';
import type { MassStore } from '../../utils/orders/massStore';
import { errorText } from '../../utils/stores/errors';
import type { MessageKey } from '../../utils/i18n';
import { useI18n } from '../I18n';

/** What is known after a line's answer was lost: the balance now, before, and what the placed lines cost. */
function UnknownNote({
  batch,
  line,
  money,
}: {
  batch: MassBatch;
  line: MassLine;
  money: (n: number) => string;
}) {
  const { t } = useI18n();
  const placed = batch.lines.filter((l) => l.state === 'placed').reduce((s, l) => s + l.charge, 0);
  const text =
    batch.balanceAfter === null
      ? t('mass_unknown_unread', { line: line.line })
      : t('mass_unknown_known', {
          line: line.line,
          balance: money(batch.balanceAfter),
          before: batch.balanceBefore === null ? '—' : money(batch.balanceBefore),
          placed: money(placed),
        });
  return (
    <p class="note note-warn" role="alert" data-testid="mass-unknown">
      {text}
    </p>
  );
}

/** A running, stopped or finished mass order: each line with its state, its order id or the panel's words. */
export function MassResults({
  store,
  batch,
  money,
}: {
  store: MassStore;
  batch: MassBatch;
  money: (n: number) => string;
}) {
  const { t } = useI18n();
  const done = batch.lines.filter((l) => l.state === 'placed').length;
  const stoppedAt = batch.lines.find((l) => l.state === 'failed' || l.state === 'unknown');
  const canRetry =
    batch.state === 'stopped' && batch.lines.some((l) => l.state === 'failed' || l.state === 'not_sent');
  const busy = store.sending.value;
  return (
    <section
      class="stack"
      aria-labelledby="mass-results-title"
      data-testid="mass-results"
      data-state={batch.state}
    >
      <h3 id="mass-results-title" class="card-title">
        {t('mass_results')}
      </h3>
      <p class="small" role="status" data-testid="mass-status">
        {batch.state === 'running'
          ? t('mass_running', { done, count: batch.lines.length })
          : batch.state === 'done'
            ? t('mass_done', { count: batch.lines.length })
            : t('mass_stopped', { line: stoppedAt?.line ?? '—' })}
      </p>
      {stoppedAt?.state === 'unknown' && <UnknownNote batch={batch} line={stoppedAt} money={money} />}
      <ol class="olist mass-lines">
        {batch.lines.map((l) => (
          <li
            key={l.requestId}
            class={`mass-line mass-${l.state}`}
            data-testid="mass-result"
            data-line={l.line}
            data-state={l.state}
          >
            <p class="row">
              <strong>{t('mass_line', { line: l.line })}</strong>
              <span class="small muted">{money(l.charge)}</span>
            </p>
            <p class="small mass-text">
              {l.serviceName ? `${l.serviceName} · ${l.values.link ?? ''}` : l.text}
            </p>
            <p class="small" data-testid="mass-result-state">
              {t(`mass_state_${l.state}` as MessageKey, { id: l.orderId ?? '' })}
            </p>
            {l.error && (l.state === 'failed' || l.state === 'unknown') && (
              <p class="field-error" data-testid="mass-result-error">
                {errorText(l.error, t)}
              </p>
            )}
          </li>
        ))}
      </ol>
      {store.note.value?.kind === 'failed' && (
        <p class="note note-error" role="alert">
          {errorText(store.note.value.error, t)}
        </p>
      )}
      <div class="row">
        {canRetry && (
          <button
            type="button"
            class="btn btn-primary"
            disabled={busy}
            aria-describedby="mass-retry-hint"
            data-testid="mass-retry"
            onClick={() => void store.retry(batch.id)}
          >
            {t('mass_retry')}
          </button>
        )}
        {batch.state !== 'running' && (
          <button
            type="button"
            class="btn"
            disabled={busy}
            data-testid="mass-new"
            onClick={() => void store.startOver(batch.id)}
          >
            {t('mass_new')}
          </button>
        )}
      </div>
      {canRetry && (
        <p id="mass-retry-hint" class="hint">
          {t('mass_retry_hint')}
        </p>
      )}
    </section>
  );
}

import { errorSentence, type PanelErrorKind, type SerializedPanelError } from '../api/errors';
import type { Translate } from '../i18n';

/** Panel error kinds where trying again cannot help until the person changes something. */
const FINAL_KINDS: ReadonlySet<PanelErrorKind> = new Set([
  'bad_key',
  'insufficient_funds',
  'invalid_input',
  'not_found',
]);

type PanelErrorFields = Pick<SerializedPanelError, 'kind' | 'mayHaveCharged' | 'panelText'>;

/** The panel-error fields of anything thrown: a PanelError, or the same fields on a plain object. */
export function panelErrorOf(err: unknown): PanelErrorFields | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as Partial<PanelErrorFields> & { name?: unknown };
  return e.name === 'PanelError' && typeof e.kind === 'string' && typeof e.mayHaveCharged === 'boolean'
    ? (e as PanelErrorFields)
    : null;
}

/** A sentence for a person for anything an action threw: panel errors by kind, the rest generically. */
export function errorText(err: unknown, t: Translate): string {
  const panel = panelErrorOf(err);
  if (panel) return errorSentence(panel, t);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'no_answer') return t('ui_err_no_answer');
  if (code === 'forbidden') return t('ui_err_forbidden');
  const message = err instanceof Error ? err.message.trim() : '';
  return message ? t('ui_err_generic_detail', { text: message }) : t('ui_err_generic');
}

/** The sentence for an error stored on a rental. */
export function storedErrorText(err: SerializedPanelError | null, t: Translate): string {
  return err ? errorSentence(err, t) : t('ui_err_generic');
}

/** True when offering "Try again" is safe: nothing may have been charged and retrying can succeed. */
export function canRetry(err: unknown): boolean {
  const panel = panelErrorOf(err);
  if (panel) return !panel.mayHaveCharged && !FINAL_KINDS.has(panel.kind);
  const code = (err as { code?: unknown } | null)?.code;
  return code !== 'forbidden';
}

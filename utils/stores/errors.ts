import { errorSentence, isPanelError, type SerializedPanelError } from '../api/errors';
import type { Translate } from '../i18n';

/** Panel error kinds where trying again cannot help until the person changes something. */
const FINAL_KINDS = new Set(['bad_key', 'insufficient_funds', 'invalid_input', 'not_found']);

/** A sentence for a person for anything an action threw: panel errors by kind, the rest generically. */
export function errorText(err: unknown, t: Translate): string {
  if (isPanelError(err)) return errorSentence(err, t);
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
  if (isPanelError(err)) return !err.mayHaveCharged && !FINAL_KINDS.has(err.kind);
  const code = (err as { code?: unknown } | null)?.code;
  return code !== 'forbidden';
}

/** True when the failure may have spent money (an ambiguous rent). */
export function mayHaveCharged(err: unknown): boolean {
  return isPanelError(err) && err.mayHaveCharged;
}

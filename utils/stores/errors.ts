import { errorSentence, type PanelErrorKind, type SerializedPanelError } from '../api/errors';
import type { Translate } from '../i18n';
import { isMessageErrorCode, messageErrorKey, type MessageErrorParams } from '../messaging/errors';

/** Panel error kinds where trying again cannot help until the person changes something. */
const FINAL_KINDS: ReadonlySet<PanelErrorKind> = new Set([
  'bad_key',
  'insufficient_funds',
  'invalid_input',
  'not_found',
  'refused',
  'active_order',
  'service_disabled',
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

/**
 * A sentence for a person for anything an action threw, from the page's own catalogue: panel
 * errors by kind, MessageErrors by code; anything else (an unknown code too) gets the generic
 * sentence — an error's own English text is never shown.
 */
export function errorText(err: unknown, t: Translate): string {
  const panel = panelErrorOf(err);
  if (panel) return errorSentence(panel, t);
  const e = err as { code?: unknown; params?: unknown } | null;
  if (isMessageErrorCode(e?.code)) {
    const params = typeof e.params === 'object' && e.params !== null ? e.params : undefined;
    return t(messageErrorKey(e.code), params as MessageErrorParams | undefined);
  }
  return t('ui_err_generic');
}

/** The sentence for a fill that filled nothing: the catalogue's sentence for the content script's reason. */
export function fillReasonText(
  kind: 'fillCode' | 'fillNumber',
  reason: string | undefined,
  t: Translate,
): string {
  if (kind === 'fillNumber' && (reason === undefined || reason === 'no_field'))
    return t('err_no_phone_field');
  return t(messageErrorKey(isMessageErrorCode(reason) ? reason : 'no_field'));
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

/**
 * The sentence for a rent that failed: a lost answer (may have charged) points to the number's card,
 * where the balance check says whether it was charged, instead of asking the person to check.
 */
export function rentErrorText(err: unknown, service: string, t: Translate): string {
  const panel = panelErrorOf(err);
  if (panel?.mayHaveCharged) return t('ui_rent_lost', { service });
  return `${service}: ${errorText(err, t)}`;
}

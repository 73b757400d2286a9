/**
 * The mass-order text: one order per line, `service_id | link | quantity`, with the columns the service's
 * type takes (drip-feed `runs | interval` after the quantity; a package has no quantity; a list such as
 * custom comments is one column whose items are parted by `\n`). Every line is checked before anything is sent.
 */

import type { OrderService } from '../api/orders/types';
import { formFields, offersDripFeed, type FieldName } from './fields';
import type { OrderFormValues } from './types';
import { validateOrder, type FieldError, type ValidOrder } from './validate';

/** Parts the columns of a line. */
export const MASS_COLUMN_SEPARATOR = '|';
/** Parts the items of a list column (comments, usernames…) inside one line: the two characters `\n`. */
export const MASS_ITEM_SEPARATOR = '\\n';
/** At most this many orders in one batch. */
export const MASS_MAX_LINES = 100;

/** Why a line is refused before its fields are read; each code has a sentence `mass_err_<code>`. */
export type MassLineErrorCode = 'bad_id' | 'unknown_service' | 'not_orderable' | 'columns';

export interface MassLineError {
  code: MassLineErrorCode;
  params?: Record<string, string | number>;
}

/** One non-empty line of the text: accepted with its order, or refused with every reason. */
export type MassLineCheck =
  | {
      line: number;
      text: string;
      ok: true;
      service: OrderService;
      values: OrderFormValues;
      order: ValidOrder;
    }
  | { line: number; text: string; ok: false; errors: (MassLineError | FieldError)[] };

/** The whole text: each line's check, the total of the accepted ones, and whether all of it can be sent. */
export interface MassCheck {
  lines: MassLineCheck[];
  total: number;
  ok: boolean;
  /** More lines than one batch takes. */
  tooMany: boolean;
}

/** True for a field error (as opposed to a line's own error). */
export const isFieldError = (e: MassLineError | FieldError): e is FieldError => 'field' in e;

/** The columns a service takes in a mass order, as API parameter names; null when it cannot be mass-ordered. */
export function massColumns(
  service: OrderService,
  dripFeed: boolean,
): { name: FieldName; required: boolean }[] | null {
  // Subscriptions have optional fields between required ones: a column count could not tell which is which.
  if (service.type === 'subscriptions') return null;
  const fields = formFields(service, dripFeed);
  return fields.length ? fields : null;
}

/** The format of a service's line for the hint and the column error: `service_id | link | quantity [| runs | interval]`. */
export function massFormat(columns: { name: FieldName; required: boolean }[]): string {
  const required = columns.filter((c) => c.required).map((c) => c.name);
  const optional = columns.filter((c) => !c.required).map((c) => c.name);
  const head = ['service_id', ...required].join(' | ');
  return optional.length ? `${head} [| ${optional.join(' | ')}]` : head;
}

/** Checks one line against the catalogue. */
export function checkMassLine(
  text: string,
  line: number,
  catalogue: readonly OrderService[],
  panelMarksDripFeed: boolean,
): MassLineCheck {
  const cells = text.split(MASS_COLUMN_SEPARATOR).map((c) => c.trim());
  const idText = cells[0]!.replace(/^#/, '');
  if (!/^\d{1,12}$/.test(idText)) return { line, text, ok: false, errors: [{ code: 'bad_id' }] };
  const service = catalogue.find((s) => s.id === Number(idText));
  if (!service)
    return { line, text, ok: false, errors: [{ code: 'unknown_service', params: { id: idText } }] };
  const drip = offersDripFeed(service, panelMarksDripFeed);
  const columns = massColumns(service, drip);
  if (!columns) {
    return { line, text, ok: false, errors: [{ code: 'not_orderable', params: { type: service.typeText } }] };
  }
  const given = cells.length - 1;
  const required = columns.filter((c) => c.required).length;
  if (given < required || given > columns.length) {
    const format = massFormat(columns);
    return { line, text, ok: false, errors: [{ code: 'columns', params: { count: given, format } }] };
  }
  const values: OrderFormValues = {};
  columns.forEach((c, i) => {
    const cell = cells[i + 1];
    if (cell === undefined) return;
    values[c.name] =
      formFields(service, drip).find((f) => f.name === c.name)?.kind === 'lines'
        ? cell.split(MASS_ITEM_SEPARATOR).join('\n')
        : cell;
  });
  const checked = validateOrder(service, values, drip);
  return checked.ok
    ? { line, text, ok: true, service, values, order: checked.order }
    : { line, text, ok: false, errors: checked.errors };
}

/** Checks every non-empty line of the pasted text; line numbers are the text's own (1-based). */
export function checkMassOrder(text: string, catalogue: readonly OrderService[]): MassCheck {
  const marks = catalogue.some((s) => s.dripfeed);
  const lines: MassLineCheck[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() !== '') lines.push(checkMassLine(raw.trim(), i + 1, catalogue, marks));
  });
  const tooMany = lines.length > MASS_MAX_LINES;
  // Summed in millionths, as each charge is, so the total is the sum a person would write.
  const micro = lines.reduce((sum, l) => sum + (l.ok ? Math.round(l.order.charge * 1e6) : 0), 0);
  return {
    lines,
    total: micro / 1e6,
    ok: lines.length > 0 && !tooMany && lines.every((l) => l.ok),
    tooMany,
  };
}

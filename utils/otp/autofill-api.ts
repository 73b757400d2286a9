import { createSerialQueue } from '../async.ts';
import { fillCode } from './fill-code.ts';
import { fillPhone } from './fill-phone.ts';
import { findCodeTarget } from './find-code-target.ts';
import { findPhoneTarget } from './find-phone-target.ts';
import type { FillReport, Win } from './types.ts';
import { isFrameHidden } from './visibility.ts';
import { waitFor } from './wait.ts';

/** What the autofill content script installs as `globalThis.__smsPanelAutofill` in each frame. */
export interface AutofillApi {
  fillCode(code: string, opts?: { waitMs?: number }): Promise<FillReport>;
  fillPhone(number: string, opts?: { waitMs?: number; nationalNumber?: string }): Promise<FillReport>;
  /** Whether this frame has a visible field of the kind, without writing anything (for frames not filled). */
  hasField(kind: 'code' | 'phone', opts?: { waitMs?: number }): Promise<boolean>;
}

const NO_FIELD: FillReport = { filled: 0, reason: 'no_field' };

/** The fill functions for one frame's document; fills run one after another, never interleaved. */
export function createAutofillApi(doc: Document, win: Win): AutofillApi {
  const serial = createSerialQueue();
  async function locate<T>(find: (root: ParentNode, win: Win) => T | null, waitMs = 0): Promise<T | null> {
    if (isFrameHidden(win)) return null;
    return find(doc, win) ?? (waitMs > 0 ? waitFor(doc, win, waitMs, find) : null);
  }
  return {
    fillCode: (code, opts) =>
      serial(async () => {
        const target = await locate(findCodeTarget, opts?.waitMs);
        return target ? fillCode(target, code, win) : NO_FIELD;
      }),
    fillPhone: (number, opts) =>
      serial(async () => {
        const target = await locate(findPhoneTarget, opts?.waitMs);
        return target ? fillPhone(target, number, win, opts?.nationalNumber) : NO_FIELD;
      }),
    hasField: async (kind, opts) =>
      (await locate<unknown>(kind === 'code' ? findCodeTarget : findPhoneTarget, opts?.waitMs)) !== null,
  };
}

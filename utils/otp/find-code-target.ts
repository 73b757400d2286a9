import { codeScore, nearCodeScore, SAYS_ONE_TIME_CODE } from './classify.ts';
import { composedParent, deepInputs, viewOf } from './dom.ts';
import type { CodeTarget, Win } from './types.ts';
import { inputVisibility, isAriaHidden, type Seen } from './visibility.ts';

interface Field {
  el: HTMLInputElement;
  seen: Seen;
  /** aria-hidden: taken only as a box of a row that has a plainly visible box (roving focus). */
  ariaHidden: boolean;
  score: number;
  box: DOMRect;
}

const MIN_SINGLE_SCORE = 30;
/** The score of a row of boxes found by its shape alone, with no words about a code. */
const SHAPE_ONLY = 65;

// Component libraries wrap each box in up to three elements of their own (a field, its wrapper, a slot).
const TREE_DISTANCE = 4;

function ancestors(el: Element): Element[] {
  const out: Element[] = [];
  for (let p = composedParent(el); p && out.length < TREE_DISTANCE; p = composedParent(p)) out.push(p);
  return out;
}

/** Two inputs that look like neighbouring boxes of one code: same type and size, in one row, close in the tree. */
function alike(a: Field, b: Field): boolean {
  const up = ancestors(a.el);
  return (
    a.el.type === b.el.type &&
    Math.abs(a.box.width - b.box.width) <= 6 &&
    Math.abs(a.box.height - b.box.height) <= 6 &&
    // On one line; sibling boxes of one container may wrap onto the next (a narrow window).
    (Math.abs(a.box.top - b.box.top) <= 6 || a.el.parentElement === b.el.parentElement) &&
    ancestors(b.el).some((p) => up.includes(p))
  );
}

/**
 * A one-character box: maxlength 1, or, without a maxlength, narrow and about square, with no placeholder
 * longer than a character (a card's "0000" box is wider and says how many digits it takes).
 */
function boxLike(f: Field): boolean {
  if (f.el.maxLength === 1) return true;
  const { width, height } = f.box;
  return f.el.maxLength < 0 && width <= 72 && width <= height * 1.5 && f.el.placeholder.trim().length <= 1;
}

/** How sure we are that a run of look-alike inputs is a split code (0 = it is not). */
function groupScore(run: Field[]): number {
  if (run.length < 4 || run.length > 8) return 0;
  // Radix gives the box that holds focus maxlength=N; every other box must be one character.
  if (run.filter(boxLike).length < run.length - 1) return 0;
  const near = nearCodeScore(run[0].el);
  if (near < 0) return 0;
  if (near > 0 || run.some((f) => f.score >= 50)) return 95;
  // Roving-focus widgets (Radix, zag) make boxes tabindex=-1; with no words saying "code", a row of only
  // such (or transparent) boxes is taken for a decoy.
  return run.some((f) => f.seen === 1) ? SHAPE_ONLY : 0;
}

/**
 * The field for a one-time code under `root` (a document, shadow root or element, open shadow roots
 * included), or null: `autocomplete="one-time-code"`, then names/labels/nearby text, then a row of 4–8
 * one-character boxes. Hidden, disabled, read-only, decoy, card, coupon, postal, search, e-mail, username,
 * password and recovery-code fields are never returned.
 */
export function findCodeTarget(root: ParentNode, win: Win = viewOf(root as Node)): CodeTarget | null {
  const fields: Field[] = [];
  for (const el of deepInputs(root)) {
    const seen = inputVisibility(el, win);
    if (!seen) continue;
    const ariaHidden = seen === 2 && isAriaHidden(el);
    fields.push({ el, seen, ariaHidden, score: codeScore(el), box: el.getBoundingClientRect() });
  }
  let best: CodeTarget | null = null;
  let bestScore = 0;
  const grouped = new Set<Field>();
  const groups: { run: Field[]; score: number }[] = [];
  for (let i = 0, j = 1; i < fields.length; i = j, j = i + 1) {
    if (fields[i].score < 0) continue;
    while (j < fields.length && fields[j].score >= 0 && alike(fields[j - 1], fields[j])) j++;
    const run = fields.slice(i, j);
    const score = run.some((f) => f.ariaHidden) && !run.some((f) => f.seen === 1) ? 0 : groupScore(run);
    if (!score) continue;
    run.forEach((f) => grouped.add(f));
    groups.push({ run, score });
  }
  // Several rows of boxes that only their shape recommends (current / new / repeat PIN, in a language we
  // do not read) are not one code: only a row whose words say "code" may then be taken.
  for (const { run, score } of groups) {
    if (score <= SHAPE_ONLY && groups.length > 1) continue;
    if (score > bestScore) [best, bestScore] = [{ kind: 'boxes', inputs: run.map((f) => f.el) }, score];
  }
  for (const f of fields) {
    if (grouped.has(f) || f.ariaHidden || f.score < MIN_SINGLE_SCORE) continue;
    if (f.seen === 2 && f.score < SAYS_ONE_TIME_CODE) continue;
    if (f.score > bestScore) [best, bestScore] = [{ kind: 'single', input: f.el }, f.score];
  }
  return best;
}

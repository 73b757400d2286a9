/**
 * `npm run bench`: the product's promises measured against their budgets — bundle sizes, popup
 * paint, code-to-badge latency, polling rate, idle silence and fill time — in real Chromium against
 * the sandbox panel. Prints a table and exits non-zero when a budget is broken or a figure failed.
 * `npm run bench -- sizes` measures the sizes only.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { BUDGETS } from './bench/budgets';
import { measureBigCategory } from './bench/catalog';
import { measureFill } from './bench/fill';
import { measureAlive, measureStopped } from './bench/latency';
import { measurePopupOpens } from './bench/popup';
import { allWithinBudget, formatTable, type Figure } from './bench/report';
import { measureIdle, measurePollRate } from './bench/requests';
import { startBenchSession, type BenchSession } from './bench/session';
import { measureBuild } from './bench/sizes';
import { median, worst } from './bench/stats';
import { measureCodeToScreen } from './bench/watch';

const PRODUCTION_DIR = resolve('.output/chrome-mv3');

/** Runs `wxt build` (with args); throws with its output when it fails. */
function wxtBuild(args: string[]): void {
  const run = spawnSync('npx', ['wxt', 'build', ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wxt build ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
}

/** Runs a measurement; a failure becomes its figures with no value and the reason as a note. */
async function guarded(labels: Omit<Figure, 'value'>[], measure: () => Promise<Figure[]>): Promise<Figure[]> {
  try {
    return await measure();
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return labels.map((f) => ({ ...f, value: null, note: `not measured: ${reason}` }));
  }
}

function sizeFigures(): Figure[] {
  const m = measureBuild(PRODUCTION_DIR);
  const list = (files: string[]) => `${files.length} file(s): ${files.join(', ')}`;
  const lazy = m.popupWithLazy.files.filter((f) => !m.popup.files.includes(f));
  return [
    {
      label: 'popup JS to first paint, gzipped',
      value: m.popup.gzip,
      unit: 'bytes',
      budget: BUDGETS.popupJsGzipBytes,
      note: list(m.popup.files),
    },
    {
      label: 'popup JS with lazy chunks, gzipped',
      value: m.popupWithLazy.gzip,
      unit: 'bytes',
      budget: null,
      note: lazy.length ? `loaded later: ${lazy.join(', ')}` : 'no lazy chunks',
    },
    {
      label: 'content script, gzipped',
      value: m.content.gzip,
      unit: 'bytes',
      budget: BUDGETS.contentJsGzipBytes,
    },
    {
      label: 'background JS, gzipped',
      value: m.background.gzip,
      unit: 'bytes',
      budget: BUDGETS.backgroundJsGzipBytes,
      note: list(m.background.files),
    },
  ];
}

async function popupFigures(session: BenchSession): Promise<Figure[]> {
  const opens = await measurePopupOpens(session, 5);
  const cached = opens.map((o) => o.cachedPaint);
  const fresh = opens.map((o) => o.freshData);
  const fcp = opens.map((o) => o.firstContentfulPaint);
  const complete = (xs: (number | null)[]) => (xs.every((x) => x !== null) ? median(xs as number[]) : null);
  const missing = (xs: (number | null)[], what: string) =>
    xs.some((x) => x === null)
      ? `${xs.filter((x) => x === null).length} of ${xs.length} opens never showed ${what}`
      : `median of ${xs.length} opens`;
  return [
    {
      label: 'popup first paint from cache, median',
      value: complete(cached),
      unit: 'ms',
      budget: BUDGETS.popupCachedPaintMs,
      note: missing(cached, 'the cached balance'),
    },
    {
      label: 'popup fresh data, median',
      value: complete(fresh),
      unit: 'ms',
      budget: null,
      note: missing(fresh, 'the fresh balance'),
    },
    { label: 'popup first contentful paint, median', value: complete(fcp), unit: 'ms', budget: null },
  ];
}

/** The 150-service category at 150 ms, once per details mode: first name, every shown price, requests. */
async function catalogFigures(session: BenchSession, mode: 'one' | 'category'): Promise<Figure[]> {
  const opens = await measureBigCategory(session, mode, 3);
  const which = mode === 'one' ? 'one details call per service' : 'details list the category';
  const of = (pick: (o: (typeof opens)[number]) => number | null) => {
    const xs = opens.map(pick);
    return xs.every((x) => x !== null) ? median(xs as number[]) : null;
  };
  const note = `median of ${opens.length} opens: ${opens
    .map((o) => `${Math.round(o.firstName ?? NaN)}/${Math.round(o.allPriced ?? NaN)} ms, ${o.requests} req`)
    .join('; ')}`;
  return [
    {
      label: `big category (150, 150 ms), ${which}: first name on screen`,
      value: of((o) => o.firstName),
      unit: 'ms',
      budget: mode === 'one' ? BUDGETS.bigCategoryFirstNameMs : null,
      note,
    },
    {
      label: `big category (150, 150 ms), ${which}: every shown price`,
      value: of((o) => o.allPriced),
      unit: 'ms',
      budget: mode === 'one' ? BUDGETS.bigCategoryAllPricedMs : BUDGETS.bigCategoryListAllPricedMs,
    },
    {
      label: `big category (150, 150 ms), ${which}: requests sent`,
      value: of((o) => o.requests),
      unit: 'requests',
      budget: mode === 'one' ? null : BUDGETS.bigCategoryListAllRequests,
    },
  ];
}

async function latencyFigures(session: BenchSession, stopped: boolean): Promise<Figure[]> {
  const times = stopped ? await measureStopped(session, 2) : await measureAlive(session, 6);
  const which = stopped ? 'worker stopped' : 'worker alive';
  const note = `${times.length} rentals: ${times.map((t) => Math.round(t)).join(', ')} ms`;
  const budget = stopped ? BUDGETS.codeToBadgeStoppedMedianMs : BUDGETS.codeToBadgeAliveMedianMs;
  return [
    { label: `code to badge, ${which}, median`, value: median(times), unit: 'ms', budget, note },
    { label: `code to badge, ${which}, worst`, value: worst(times), unit: 'ms', budget: null },
  ];
}

async function main(): Promise<void> {
  const sizesOnly = process.argv.slice(2).includes('sizes');
  const figures: Figure[] = [];
  console.log('Building the store build…');
  wxtBuild([]);
  figures.push(...sizeFigures());

  if (!sizesOnly) {
    console.log('Building the e2e build and starting Chromium against the sandbox panel…');
    wxtBuild(['--mode', 'e2e']);
    const session = await startBenchSession();
    try {
      const ms = (label: string, budget: number | null): Omit<Figure, 'value'> => ({
        label,
        unit: 'ms',
        budget,
      });
      console.log('Popup paint…');
      figures.push(
        ...(await guarded(
          [
            ms('popup first paint from cache, median', BUDGETS.popupCachedPaintMs),
            ms('popup fresh data, median', null),
          ],
          () => popupFigures(session),
        )),
      );
      for (const mode of ['one', 'category'] as const) {
        console.log(`Big category, details mode ${mode}…`);
        const which = mode === 'one' ? 'one details call per service' : 'details list the category';
        figures.push(
          ...(await guarded([ms(`big category (150, 150 ms), ${which}: every shown price`, null)], () =>
            catalogFigures(session, mode),
          )),
        );
      }
      console.log('Fill…');
      figures.push(
        ...(await guarded([ms('fill a code on a corpus page, median', BUDGETS.fillMs)], async () => {
          const times = await measureFill(session, 3);
          const note = `${times.length} fills: ${times.join(', ')} ms`;
          return [
            { ...ms('fill a code on a corpus page, median', BUDGETS.fillMs), value: median(times), note },
          ];
        })),
      );
      console.log('Code to badge, worker alive…');
      figures.push(
        ...(await guarded([ms('code to badge, worker alive, median', BUDGETS.codeToBadgeAliveMedianMs)], () =>
          latencyFigures(session, false),
        )),
      );
      console.log('Code to screen, popup open…');
      const screen = ms('code to screen with the popup open, median', BUDGETS.codeToScreenPopupOpenMedianMs);
      figures.push(
        ...(await guarded([screen], async () => {
          const times = await measureCodeToScreen(session, 4);
          const note = `${times.length} rentals: ${times.join(', ')} ms`;
          return [{ ...screen, value: median(times), note }];
        })),
      );
      console.log('Polling rate and idle requests…');
      const perMin = {
        label: 'getMessage per waiting number',
        unit: 'per-min',
        budget: BUDGETS.requestsPerWaitingNumberPerMin,
      } as const;
      figures.push(
        ...(await guarded([perMin], async () => [
          { ...perMin, value: await measurePollRate(session), note: '2 numbers over 20 s' },
        ])),
      );
      const idle = {
        label: 'requests while nothing waits (20 s)',
        unit: 'requests',
        budget: BUDGETS.idleRequests,
      } as const;
      figures.push(
        ...(await guarded([idle], async () => {
          const r = await measureIdle(session);
          return [
            { ...idle, value: r.count, ...(r.count ? { note: `sent: ${r.endpoints.join(', ')}` } : {}) },
          ];
        })),
      );
      console.log('Code to badge, worker stopped (up to a minute)…');
      figures.push(
        ...(await guarded(
          [ms('code to badge, worker stopped, median', BUDGETS.codeToBadgeStoppedMedianMs)],
          () => latencyFigures(session, true),
        )),
      );
    } finally {
      await session.close();
    }
  }

  console.log('\n' + formatTable(figures) + '\n');
  const ok = allWithinBudget(figures);
  console.log(ok ? 'All figures within budget.' : 'A budget is broken or a figure could not be measured.');
  process.exitCode = ok ? 0 : 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});

import { isGreen, rentals, type BenchSession } from './session';
import { sleep } from './stats';

/** How long the bench waits for one code before it counts the rental as failed. */
const ALIVE_TIMEOUT_MS = 20_000;
const STOPPED_TIMEOUT_MS = 50_000;

/** Polls until the badge is green and the rental holds a code; answers the time it took from `t0`. */
async function untilBadge(
  session: BenchSession,
  rentalId: string,
  t0: number,
  timeoutMs: number,
  everyMs: number,
) {
  const { ext } = session;
  while (Date.now() - t0 < timeoutMs) {
    const badge = await ext.badge();
    if (badge.text !== '' && isGreen(badge.color)) {
      const rental = (await rentals(ext)).find((r) => r.id === rentalId);
      if (rental?.codes.length) return Date.now() - t0;
    }
    await sleep(everyMs);
  }
  throw new Error(`no code on the badge within ${timeoutMs} ms`);
}

/** Clears the code from the badge and ends the rental, so the next one starts from an empty badge. */
async function finish(session: BenchSession, rentalId: string): Promise<void> {
  await session.ext.send('markSeen', { rentalId });
  await session.ext.send('finishRental', { rentalId });
}

/**
 * Code-to-badge with the worker alive: rent, wait a different part of the poll interval each time,
 * let the sandbox have the code (t0), and time until the badge shows it.
 */
export async function measureAlive(session: BenchSession, rounds = 6): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const rental = await session.rent(`bench-alive-${Date.now()}-${i}`);
    // Spread the delivery over the 3 s poll phase so the figures are not all lucky or all unlucky.
    await sleep(1_500 + ((i * 1_300) % 3_000));
    const t0 = Date.now();
    session.sandbox.deliverCode(rental.numberId!);
    times.push(await untilBadge(session, rental.id, t0, ALIVE_TIMEOUT_MS, 25));
    await finish(session, rental.id);
  }
  return times;
}

/**
 * Code-to-badge after Chrome stopped the worker: rent, stop the worker, let the sandbox have the
 * code (t0), and time until the watchdog alarm has woken the worker and the badge shows it.
 */
export async function measureStopped(session: BenchSession, rounds = 2): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const rental = await session.rent(`bench-stopped-${Date.now()}-${i}`);
    await sleep(500);
    await session.ext.stopWorker();
    await sleep(500);
    const t0 = Date.now();
    session.sandbox.deliverCode(rental.numberId!);
    times.push(await untilBadge(session, rental.id, t0, STOPPED_TIMEOUT_MS, 250));
    await finish(session, rental.id);
  }
  return times;
}

import { rentals, type BenchSession } from './session';
import { sleep } from './stats';

/** Rental states the poller still polls. */
const POLLED = ['waiting', 'received'];

/**
 * getMessage requests per waiting number per minute: two numbers wait (no code comes), and the
 * bench counts the sandbox's getMessage requests over a window.
 */
export async function measurePollRate(session: BenchSession, windowMs = 20_000): Promise<number> {
  const { sandbox, ext } = session;
  const waiting = [
    await session.rent(`bench-rate-a-${Date.now()}`),
    await session.rent(`bench-rate-b-${Date.now()}`),
  ];
  // Past the first poll, so the window sees the steady pace.
  await sleep(2_000);
  const before = sandbox.count('getMessage');
  await sleep(windowMs);
  const polls = sandbox.count('getMessage') - before;
  for (const r of waiting) await ext.send('cancelRental', { rentalId: r.id });
  return polls / waiting.length / (windowMs / 60_000);
}

/** Requests the extension sends while no number waits: none at all is the promise. */
export async function measureIdle(
  session: BenchSession,
  windowMs = 20_000,
): Promise<{ count: number; endpoints: string[] }> {
  const { sandbox, ext } = session;
  const start = Date.now();
  while ((await rentals(ext)).some((r) => POLLED.includes(r.state))) {
    if (Date.now() - start > 15_000) throw new Error('numbers still waiting; cannot measure idle');
    await sleep(250);
  }
  // Let the balance refresh that follows a cancel land before the window opens.
  await sleep(2_000);
  const before = sandbox.requests.length;
  await sleep(windowMs);
  const sent = sandbox.requests.slice(before);
  return { count: sent.length, endpoints: [...new Set(sent.map((r) => r.endpoint))] };
}

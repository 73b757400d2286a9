import type { BenchSession } from './session';
import { sleep } from './stats';

/** How long the bench waits for one code on the screen before it counts the round as failed. */
const SCREEN_TIMEOUT_MS = 10_000;

/**
 * Code to screen with the popup open: rent, open the popup on the waiting number (its port makes the
 * background poll that number every second), wait a different part of that second each round, let
 * the sandbox have the code (t0), and time until the popup has rendered it.
 */
export async function measureCodeToScreen(session: BenchSession, rounds = 4): Promise<number[]> {
  const { ext, sandbox } = session;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const rental = await session.rent(`bench-screen-${Date.now()}-${i}`);
    const page = await ext.openPopup();
    try {
      await page.getByTestId('phone-number').first().waitFor();
      // Past the first fast poll, then spread the delivery over the 1 s pace.
      await sleep(1_200 + ((i * 370) % 1_000));
      const code = String(700_000 + i);
      const t0 = Date.now();
      sandbox.deliverCode(rental.numberId!, code);
      await page.getByTestId('code').filter({ hasText: code }).waitFor({ timeout: SCREEN_TIMEOUT_MS });
      times.push(Date.now() - t0);
    } finally {
      await page.close();
      await ext.send('finishRental', { rentalId: rental.id });
    }
  }
  return times;
}

import { startCorpusServer } from '../../tests/corpus/server';
import type { BenchSession } from './session';

/** The corpus page with one `autocomplete=one-time-code` field among decoys. */
const PAGE = '/one-time-code.html';

/**
 * Time to fill a code on a corpus page through the pinned `fillCode` message (what the popup's
 * Fill button sends), from the message to its answer; each fill is checked in the page.
 */
export async function measureFill(session: BenchSession, rounds = 3): Promise<number[]> {
  const { ext } = session;
  const corpus = await startCorpusServer();
  const page = await ext.context.newPage();
  const helper = await ext.openPage('offscreen.html');
  try {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await page.goto(corpus.url + PAGE);
      const tabId = await helper.evaluate(
        async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? -1,
        corpus.url + PAGE,
      );
      const code = String(314150 + i);
      const t0 = Date.now();
      const reply = await ext.send('fillCode', { tabId, code });
      const took = Date.now() - t0;
      const value = await page.inputValue('#code');
      if (value !== code) throw new Error(`the code was not filled (${JSON.stringify(reply)})`);
      times.push(took);
    }
    return times;
  } finally {
    await helper.close();
    await page.close();
    await corpus.close();
  }
}

// @vitest-environment node
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../../sandbox/server';

const root = resolve(__dirname, '../../..');

/** Resolves when the output so far satisfies `done`. */
function waitFor(read: () => string, done: (out: string) => boolean, ms = 10_000): Promise<string> {
  return new Promise((ok, fail) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const out = read();
      if (done(out)) {
        clearInterval(poll);
        ok(out);
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        fail(new Error(`timed out; output so far: ${out}`));
      }
    }, 20);
  });
}

describe('sandbox CLI', () => {
  it('prints the panel line, logs requests with the key redacted and stops on SIGTERM', async () => {
    const child = spawn(resolve(root, 'node_modules/.bin/tsx'), ['tests/sandbox/cli.ts', '--port', '0'], {
      cwd: root,
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      const first = await waitFor(
        () => out,
        (o) => o.includes('\n'),
      );
      const match = /^Sandbox panel: (http:\/\/127\.0\.0\.1:\d+) {2}key: (\S+)\n/.exec(first);
      expect(match?.[2]).toBe(DEMO_KEY);
      const answer = await fetch(`${match![1]}/api/v1/${DEMO_KEY}/getBalance`, { method: 'POST' });
      expect(await answer.json()).toEqual({ balance: 25 });
      const logged = await waitFor(
        () => out,
        (o) => o.includes('getBalance'),
      );
      const logLines = logged.split('\n').slice(1).join('\n');
      expect(logLines).toContain('/api/v1/{key}/getBalance');
      expect(logLines).not.toContain(DEMO_KEY);
    } finally {
      child.kill('SIGTERM');
    }
    const [code, signal] = await once(child, 'exit');
    expect([code, signal]).toEqual([0, null]);
  });
});

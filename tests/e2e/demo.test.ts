import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's first command ends in `npm run demo`: this keeps it true.
describe('the demo', () => {
  it('sets the key, rents a number, gets the code and fills it into the sign-up page', () => {
    const out = mkdtempSync(join(tmpdir(), 'demo-'));
    const run = spawnSync('npx', ['tsx', 'scripts/demo.ts'], {
      env: { ...process.env, HEADLESS: '1', DEMO_OUT: out },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/the sign-up page says: Verified \+\d+ with code \d{4,8}/);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(7);
  }, 150_000);
});

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// The store builds (not the e2e one) read from disk: permissions, content scripts, no remote code.
describe('security: the built store extension', () => {
  const builds = {
    chrome: resolve('.output/chrome-mv3'),
    firefox: resolve('.output/firefox-mv2'),
  };

  beforeAll(() => {
    // Build now: a stale folder would check yesterday's code.
    execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe' });
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'pipe' });
  }, 120_000);

  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const filesOf = (dir: string, ext: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return filesOf(path, ext);
      return path.endsWith(ext) ? [path] : [];
    });

  it('Chrome: host access to the panel only; every other site optional; no content script on all sites', () => {
    const m = manifest(builds.chrome);
    expect(m.host_permissions).toEqual(['https://smmonayim.com/*']);
    expect(m.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
    expect(m.permissions).not.toContain('<all_urls>');
    expect(m.permissions).not.toContain('tabs');
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources ?? []).toEqual([]);
  });

  it('Firefox: host access to the panel only; other sites can still be asked for (optional permissions)', () => {
    const m = manifest(builds.firefox);
    const hosts = (m.permissions as string[]).filter((p) => p.includes('://') || p === '<all_urls>');
    expect(hosts).toEqual(['https://smmonayim.com/*']);
    expect(m.content_scripts ?? []).toEqual([]);
    // MV2 has no optional_host_permissions: another panel or an autofill site must be in optional_permissions,
    // or permissions.request() for it throws.
    expect(m.optional_permissions ?? []).toEqual(expect.arrayContaining(['https://*/*', 'http://*/*']));
  });

  it.each(['chrome', 'firefox'] as const)(
    '%s: no remote code — no remote scripts, no eval, no new Function',
    (b) => {
      const dir = builds[b];
      const html = filesOf(dir, '.html');
      const js = filesOf(dir, '.js');
      expect(html.length).toBeGreaterThan(1);
      expect(js.length).toBeGreaterThan(2);
      for (const file of html) {
        const text = readFileSync(file, 'utf8');
        expect({ file, remote: text.match(/<script[^>]*\bsrc\s*=\s*["']?(https?:)?\/\/[^>]*>/gi) }).toEqual({
          file,
          remote: null,
        });
      }
      for (const file of js) {
        const text = readFileSync(file, 'utf8');
        const found = text.match(
          /\beval\s*\(|\bnew\s+Function\s*\(|importScripts\s*\(\s*["'`]https?:|import\s*\(\s*["'`]https?:/g,
        );
        expect({ file, found }).toEqual({ file, found: null });
      }
      const csp = manifest(dir).content_security_policy;
      expect(JSON.stringify(csp ?? '')).not.toMatch(/unsafe-eval|https?:/);
    },
  );
});

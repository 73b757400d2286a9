import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  chunkImports,
  gzipBytes,
  measureBuild,
  pageScripts,
  scriptClosure,
} from '../../../scripts/bench/sizes';

const POPUP_HTML = `<!DOCTYPE html><html><head>
<script type="module" crossorigin src="/chunks/popup-A1.js"></script>
<link rel="modulepreload" crossorigin href="/chunks/browser-B2.js">
<link rel="stylesheet" crossorigin href="/assets/popup-C3.css">
<link rel="icon" href="/icon/16.png">
</head><body><div id="app"></div></body></html>`;

describe('bench sizes: what a page loads', () => {
  it('takes module scripts and modulepreloads, not stylesheets or icons', () => {
    expect(pageScripts(POPUP_HTML)).toEqual(['/chunks/popup-A1.js', '/chunks/browser-B2.js']);
  });

  it('finds static and bare chunk imports, each once; lazy imports only when asked', () => {
    const js =
      'import{t as e}from"./browser-B2.js";import"./side.js";const l=()=>import(`./lazy.js`);' +
      'const m=()=>import("./lazy2.js");import{x}from"./browser-B2.js";';
    expect(chunkImports(js).sort()).toEqual(['./browser-B2.js', './side.js']);
    expect(chunkImports(js, { dynamic: true }).sort()).toEqual([
      './browser-B2.js',
      './lazy.js',
      './lazy2.js',
      './side.js',
    ]);
    expect(chunkImports('const url="https://example.com/x.js";', { dynamic: true })).toEqual([]);
  });

  it('follows imports through chunks, relative to the importing file, without looping on cycles', () => {
    const files: Record<string, string> = {
      'chunks/popup.js': 'import{a}from"./base.js";',
      'chunks/base.js': 'import{b}from"./popup.js";const l=()=>import(`../lazy/late.js`);',
      'lazy/late.js': 'export const late=1;',
    };
    const read = (p: string) => files[p] ?? '';
    expect(scriptClosure(['/chunks/popup.js'], read).sort()).toEqual(['chunks/base.js', 'chunks/popup.js']);
    expect(scriptClosure(['/chunks/popup.js'], read, { dynamic: true }).sort()).toEqual([
      'chunks/base.js',
      'chunks/popup.js',
      'lazy/late.js',
    ]);
  });

  it('adds up each file gzipped on its own', () => {
    const a = Buffer.from('a'.repeat(5000));
    const b = Buffer.from('function f(){return 42}'.repeat(100));
    const total = gzipBytes(['a', 'b'], (p) => (p === 'a' ? a : b));
    expect(total).toBe(gzipSync(a, { level: 9 }).length + gzipSync(b, { level: 9 }).length);
    expect(total).toBeLessThan(a.length + b.length);
  });

  it('measures a build folder: popup chunks, content script and background', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-build-'));
    try {
      mkdirSync(join(dir, 'chunks'));
      mkdirSync(join(dir, 'content-scripts'));
      writeFileSync(join(dir, 'popup.html'), POPUP_HTML);
      writeFileSync(
        join(dir, 'chunks/popup-A1.js'),
        'import{t}from"./browser-B2.js";'.repeat(3) + 'const o=()=>import(`./orders-D4.js`);',
      );
      writeFileSync(join(dir, 'chunks/orders-D4.js'), 'export const orders=1;');
      writeFileSync(join(dir, 'chunks/browser-B2.js'), 'export const t=1;');
      writeFileSync(join(dir, 'autofill.js'), '(()=>{})();');
      writeFileSync(join(dir, 'background.js'), 'import"./chunks/browser-B2.js";');
      const m = measureBuild(dir);
      expect(m.popup.files.sort()).toEqual(['chunks/browser-B2.js', 'chunks/popup-A1.js']);
      expect(m.popupWithLazy.files.sort()).toEqual([
        'chunks/browser-B2.js',
        'chunks/orders-D4.js',
        'chunks/popup-A1.js',
      ]);
      expect(m.popupWithLazy.gzip).toBeGreaterThan(m.popup.gzip);
      expect(m.background.files.sort()).toEqual(['background.js', 'chunks/browser-B2.js']);
      expect(m.content.files).toEqual(['autofill.js']);
      expect(m.popup.gzip).toBeGreaterThan(m.content.gzip);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

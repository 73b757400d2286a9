import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Extension-root paths of the scripts an HTML page loads: `<script src>` and `<link rel="modulepreload">`. */
export function pageScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
    const isScript = /^<script/i.test(tag);
    const url = isScript
      ? attr('src')
      : attr('rel')?.toLowerCase() === 'modulepreload'
        ? attr('href')
        : undefined;
    if (url) found.push(url);
  }
  return found;
}

/** Relative specifiers a built chunk imports, statically (`from"./x.js"`, `import"./x.js"`) or dynamically. */
export function chunkImports(js: string): string[] {
  const found = new Set<string>();
  const patterns = [/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g, /\bimport\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g];
  for (const pattern of patterns) for (const m of js.matchAll(pattern)) found.add(m[1]!);
  return [...found];
}

/**
 * Every JS file reachable from the entries (extension-root paths such as "/chunks/popup.js"),
 * following chunk imports; answers root-relative paths ("chunks/popup.js"), each once.
 */
export function scriptClosure(entries: readonly string[], read: (rootPath: string) => string): string[] {
  const seen = new Set<string>();
  const queue = entries.map((e) => posix.normalize(e.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    for (const spec of chunkImports(read(file))) queue.push(posix.join(posix.dirname(file), spec));
  }
  return [...seen];
}

/** Sum of each file's gzipped size (level 9): what a person's browser reads, file by file. */
export function gzipBytes(files: readonly string[], read: (rootPath: string) => Buffer): number {
  return files.reduce((sum, file) => sum + gzipSync(read(file), { level: 9 }).length, 0);
}

/** The gzipped JS of a page, a content script and the background of one build folder. */
export function measureBuild(dir: string) {
  const text = (p: string) => readFileSync(posix.join(dir, p), 'utf8');
  const bytes = (p: string) => readFileSync(posix.join(dir, p));
  const bundle = (entries: string[]) => {
    const files = scriptClosure(entries, text);
    return { files, gzip: gzipBytes(files, bytes) };
  };
  return {
    popup: bundle(pageScripts(text('popup.html'))),
    content: bundle(['content-scripts/autofill.js']),
    background: bundle(['background.js']),
  };
}

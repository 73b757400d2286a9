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

/** Relative specifiers a built chunk imports: static (`from"./x.js"`, `import"./x.js"`), and with `dynamic` also `import(\`./x.js\`)`. */
export function chunkImports(js: string, options: { dynamic?: boolean } = {}): string[] {
  const found = new Set<string>();
  const patterns = [/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g, /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g];
  if (options.dynamic) patterns.push(/\bimport\s*\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g);
  for (const pattern of patterns) for (const m of js.matchAll(pattern)) found.add(m[1]!);
  return [...found];
}

/**
 * Every JS file reachable from the entries (extension-root paths such as "/chunks/popup.js"),
 * following chunk imports (lazy ones too with `dynamic`); answers root-relative paths, each once.
 */
export function scriptClosure(
  entries: readonly string[],
  read: (rootPath: string) => string,
  options: { dynamic?: boolean } = {},
): string[] {
  const seen = new Set<string>();
  const queue = entries.map((e) => posix.normalize(e.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !file.endsWith('.js')) continue;
    seen.add(file);
    for (const spec of chunkImports(read(file), options)) queue.push(posix.join(posix.dirname(file), spec));
  }
  return [...seen];
}

/** Sum of each file's gzipped size (level 9): what a person's browser reads, file by file. */
export function gzipBytes(files: readonly string[], read: (rootPath: string) => Buffer): number {
  return files.reduce((sum, file) => sum + gzipSync(read(file), { level: 9 }).length, 0);
}

/** The gzipped JS of the popup, the content script and the background of one build folder. */
export function measureBuild(dir: string) {
  const text = (p: string) => readFileSync(posix.join(dir, p), 'utf8');
  const bytes = (p: string) => readFileSync(posix.join(dir, p));
  const bundle = (entries: string[], dynamic = false) => {
    const files = scriptClosure(entries, text, { dynamic });
    return { files, gzip: gzipBytes(files, bytes) };
  };
  return {
    /** What the popup loads to paint: its scripts, their preloads and static imports. */
    popup: bundle(pageScripts(text('popup.html'))),
    /** Also the chunks the popup loads later (the Orders tab). */
    popupWithLazy: bundle(pageScripts(text('popup.html')), true),
    content: bundle(['autofill.js']),
    background: bundle(['background.js']),
  };
}

import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const SRC = join(HERE, 'src');
/** Where the corpus bundles go (gitignored). */
export const CORPUS_DIST = join(HERE, 'dist');

/** The pages' entry scripts: every src file except the shared helpers. */
const ENTRIES = [
  'input-otp',
  'radix-otp',
  'react-otp-input',
  'zag-pin-input',
  'vue3-otp-input',
  'vue-input-otp',
  'preact-boxes',
];

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function isFresh(): boolean {
  const newestSource = Math.max(
    mtime(fileURLToPath(import.meta.url)),
    ...readdirSync(SRC).map((f) => mtime(join(SRC, f))),
  );
  return ENTRIES.every((name) => mtime(join(CORPUS_DIST, `${name}.js`)) > newestSource);
}

/** Bundles the component-library corpus pages' scripts into tests/corpus/dist/, unless it is up to date. */
export async function buildCorpus(): Promise<void> {
  if (isFresh()) return;
  await build({
    entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, join(SRC, `${name}.js`)])),
    outdir: CORPUS_DIST,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
}

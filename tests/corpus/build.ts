import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { compile } from 'svelte/compiler';

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
  'primevue-otp',
  'antd-otp',
  'mantine-pin-input',
  'svelte-otp-input',
  'ionic-input-otp',
];

/** Compiles `.svelte` files with the real Svelte 5 compiler (client output, component CSS injected). */
const svelte: Plugin = {
  name: 'svelte',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, async ({ path }) => {
      const { js } = compile(await readFile(path, 'utf8'), { filename: path, css: 'injected' });
      return { contents: js.code, loader: 'js', resolveDir: dirname(path) };
    });
  },
};

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
    plugins: [svelte],
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  });
}

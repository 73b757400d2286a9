import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The file a URL path names: /dist/x.js from the built bundles, anything else from pages/. */
function fileFor(urlPath: string): string | null {
  const path = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  if (path.includes('..')) return null;
  if (path.startsWith('/dist/')) return join(HERE, path);
  return join(HERE, 'pages', path === '/' ? 'index.html' : path);
}

/** Serves the autofill corpus (tests/corpus/pages and the built tests/corpus/dist) on 127.0.0.1. */
export async function startCorpusServer(
  options: { port?: number } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const file = fileFor(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const type = file && TYPES[extname(file)];
    try {
      if (!file || !type) throw new Error('not served');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

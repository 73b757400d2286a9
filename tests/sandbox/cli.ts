// Runs the sandbox panel on its own: `npm run sandbox -- --port 8787` (or SANDBOX_PORT),
// with `--latency 150` (ms per answer), `--big-category` and `--details-mode category` if wanted.
import { startSandbox, type DetailsMode } from './server';

const DEFAULT_PORT = 8787;

/** The value of --name N / --name=N; undefined when the flag is absent. */
function flag(args: string[], name: string): string | undefined {
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
}

/** The latency from --latency MS; 0 when absent. */
function latencyFrom(args: string[]): number {
  const value = flag(args, 'latency');
  if (value === undefined) return 0;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`not a latency in ms: ${value}`);
  return ms;
}

/** The details mode from --details-mode one|category; 'one' when absent. */
function detailsModeFrom(args: string[]): DetailsMode {
  const value = flag(args, 'details-mode') ?? 'one';
  if (value !== 'one' && value !== 'category') throw new Error(`not a details mode: ${value}`);
  return value;
}

/** The port from --port N / --port=N, else SANDBOX_PORT, else 8787. */
function portFrom(args: string[], env: string | undefined): number {
  const value = flag(args, 'port') ?? env;
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
  return port;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const sandbox = await startSandbox({
    port: portFrom(args, process.env.SANDBOX_PORT),
    latencyMs: latencyFrom(args),
    bigCategory: args.includes('--big-category'),
    detailsMode: detailsModeFrom(args),
    log: true,
  });
  // The demo key is meant to be shown: it only opens this local sandbox.
  console.log(`Sandbox panel: ${sandbox.url}  key: ${sandbox.key}`);
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

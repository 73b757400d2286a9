// Runs the sandbox panel on its own: `npm run sandbox -- --port 8787` (or SANDBOX_PORT).
import { startSandbox } from './server';

const DEFAULT_PORT = 8787;

/** The port from --port N / --port=N, else SANDBOX_PORT, else 8787. */
function portFrom(args: string[], env: string | undefined): number {
  const at = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  const value = at < 0 ? env : args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not a port: ${value}`);
  return port;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: portFrom(process.argv.slice(2), process.env.SANDBOX_PORT),
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

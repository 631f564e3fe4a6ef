import type { Command } from 'commander';
import { DocketError } from '../../core/errors/index.js';
import { action } from '../action.js';

interface ServeOptions {
  port?: string;
  host: string;
  demoAccounts: boolean;
}

function parsePort(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new DocketError('invalid-input', `--port must be a port number, not "${raw}"`);
  return port;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web app and HTTP API (PORT, default 3000, on 127.0.0.1) until stopped with Ctrl-C')
    .option('--port <port>', 'port to listen on (default: PORT, else 3000)')
    .option('--host <address>', 'address to listen on; 0.0.0.0 makes Docket reachable from other machines', '127.0.0.1')
    .option('--no-demo-accounts', 'do not create the demo accounts in a database that has none')
    .action(action(async (options: ServeOptions) => {
      const port = parsePort(options.port);
      const [{ Store, storeConfigFromEnv }, { InProcessBus }, { serveUntilStopped }] = await Promise.all([
        import('../../store/index.js'),
        import('../../ingest/bus/in-process-bus.js'),
        import('../jobs/serve-until-stopped.js'),
      ]);
      const store = await Store.open(storeConfigFromEnv());
      const bus = new InProcessBus();
      try {
        await serveUntilStopped(store, bus, { host: options.host, demoAccounts: options.demoAccounts, ...(port === undefined ? {} : { port }) });
      } finally {
        await bus.close();
        await store.close();
      }
    }));
}

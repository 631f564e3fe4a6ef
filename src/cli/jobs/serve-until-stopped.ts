import type { EventBus } from '../../core/events/index.js';
import type { Store } from '../../store/index.js';

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** Serves the web app and API on an open store, prints where and how to sign in, and runs until Ctrl-C. */
export async function serveUntilStopped(store: Store, bus: EventBus, options: { readonly host?: string; readonly port?: number; readonly demoAccounts: boolean }): Promise<void> {
  const { startServer, demoCredentialLines } = await import('../../server/index.js');
  const server = await startServer({
    store, bus, seedDemoAccounts: options.demoAccounts,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  say(`Docket is serving the ${store.db.location} at ${server.url}`);
  if (options.demoAccounts) {
    say(`${server.seededDemoAccounts ? 'Created demo' : 'Demo'} accounts (role, user name, password):`);
    for (const line of demoCredentialLines()) say(line);
  }
  say('Stop with Ctrl-C.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/index.js';
import { buildApp, type AppOptions } from './app.js';
import { seedDemoAccounts } from './auth/demo-accounts.js';

export interface ServerOptions extends Omit<AppOptions, 'webRoot'> {
  /** Default: PORT from the environment, else 3000; 0 picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1: reachable from this machine only unless told otherwise. */
  readonly host?: string;
  /** The built web app; default: dist/web of this installation, when it was built. */
  readonly webRoot?: string | false;
  /** Create one demo account per role when the database has no accounts. */
  readonly seedDemoAccounts?: boolean;
}

export interface ServerHandle {
  readonly url: string;
  /** True when the demo accounts were created by this start. */
  readonly seededDemoAccounts: boolean;
  close(): Promise<void>;
}

/** The repository's dist/web, reached alike from dist/server (compiled) and src/server (tsx). */
export function defaultWebRoot(): string | undefined {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

export function portFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['PORT'];
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, not "${raw}"`);
  return port;
}

/**
 * Starts Docket's HTTP API and web app on an open store.
 * @example const server = await startServer({ store, events: bus }); console.log(server.url); await server.close();
 */
export async function startServer(options: ServerOptions & { readonly store: Store }): Promise<ServerHandle> {
  const { webRoot: chosenRoot, port: chosenPort, host: chosenHost, seedDemoAccounts: seed, ...appOptions } = options;
  const webRoot = chosenRoot === false ? undefined : (chosenRoot ?? defaultWebRoot());
  const seeded = seed === true ? await seedDemoAccounts(options.store) : false;
  // A started server searches in threads of its own (HTTP and the ledger keep this one).
  const app = buildApp({ searchThreads: defaultSearchThreads(), ...appOptions, ...(webRoot === undefined ? {} : { webRoot }) });
  await app.ready();
  const host = chosenHost ?? '127.0.0.1';
  await app.http.listen({ port: chosenPort ?? portFromEnv(), host });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (chosenPort ?? 0);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${port}`, seededDemoAccounts: seeded, close: () => app.close() };
}

/** Two search threads where there are two cores: one alone cannot keep up with HTTP and the ledger. */
function defaultSearchThreads(): number {
  return Math.min(2, availableParallelism());
}

import { resolve } from 'node:path';
import { DocketError } from '../core/errors/index.js';

export type StoreConfig =
  | { readonly kind: 'pglite'; readonly home: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly location: string; readonly database: string };

/** host:port/database, never the password. */
function describe(url: URL): string {
  return `PostgreSQL at ${url.hostname}:${url.port === '' ? '5432' : url.port}${url.pathname}`;
}

/** Reads DATABASE_URL (PostgreSQL) or DOCKET_HOME (embedded, default ./.docket) and checks them. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const raw = env['DATABASE_URL']?.trim();
  if (raw === undefined || raw === '') return { kind: 'pglite', home: resolve(env['DOCKET_HOME'] ?? '.docket') };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DocketError('database-config', 'DATABASE_URL is not a valid URL', {
      hint: 'set it like postgres://postgres@127.0.0.1:5432/docket, or unset it to use the embedded database',
    });
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new DocketError('database-config', `DATABASE_URL must be a PostgreSQL URL, not ${url.protocol}//…`, {
      hint: 'set it like postgres://postgres@127.0.0.1:5432/docket, or unset it to use the embedded database',
    });
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (url.hostname === '' || database === '') {
    throw new DocketError('database-config', 'DATABASE_URL must name a host and a database', {
      hint: 'set it like postgres://postgres@127.0.0.1:5432/docket',
    });
  }
  return { kind: 'postgres', url: raw, location: describe(url), database };
}

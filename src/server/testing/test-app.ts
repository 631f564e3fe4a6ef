import type { Role } from '../../core/access/index.js';
import type { DialectName, Store } from '../../store/index.js';
import { openTestStore, type TestStore } from '../../store/testing/test-store.js';
import { buildApp, type AppOptions, type DocketApp } from '../app.js';
import { demoAccounts, seedDemoAccounts } from '../auth/demo-accounts.js';
import { seedSmallWorld, type SmallWorld } from './small-world.js';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, unknown>;
}

/** A signed-in browser, as far as the API can tell: the session cookie and the CSRF token. */
export class ApiClient {
  constructor(private readonly app: DocketApp, readonly cookie: string | undefined, readonly csrf: string | undefined) {}

  async call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await this.app.http.inject({
      method,
      url,
      headers: {
        ...(this.cookie === undefined ? {} : { cookie: this.cookie }),
        ...(this.csrf === undefined || method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    const text = response.body;
    return { status: response.statusCode, body: text === '' ? undefined : JSON.parse(text) as unknown, headers: response.headers };
  }

  get(url: string): Promise<Answer> {
    return this.call('GET', url);
  }
}

export interface TestApp {
  readonly app: DocketApp;
  readonly store: Store;
  readonly world: SmallWorld;
  readonly anonymous: ApiClient;
  /** Signs in as the demo account of `role`. */
  signIn(role: Role): Promise<ApiClient>;
  /** Signs in and declares the role's first permitted purpose (or `purpose`). */
  signInWithPurpose(role: Role, purpose?: string): Promise<ApiClient>;
  dispose(): Promise<void>;
}

/** A migrated store with the small world and the demo accounts, and the API over it (not listening). */
export async function openTestApp(backend: DialectName, options: Partial<AppOptions> = {}): Promise<TestApp> {
  const t: TestStore = await openTestStore(backend);
  const world = await seedSmallWorld(t.store.db);
  await seedDemoAccounts(t.store);
  const app = buildApp({ store: t.store, onError: () => undefined, ...options });
  await app.ready();
  const anonymous = new ApiClient(app, undefined, undefined);
  const signIn = async (role: Role): Promise<ApiClient> => {
    const account = demoAccounts.find((a) => a.role === role);
    if (account === undefined) throw new Error(`no demo account for ${role}`);
    const answer = await anonymous.call('POST', '/api/session', { username: account.username, password: account.password });
    if (answer.status !== 200) throw new Error(`sign-in as ${role} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const cookie = String(answer.headers['set-cookie']).split(';')[0];
    return new ApiClient(app, cookie, (answer.body as { csrfToken: string }).csrfToken);
  };
  return {
    app,
    store: t.store,
    world,
    anonymous,
    signIn,
    async signInWithPurpose(role, purpose) {
      const client = await signIn(role);
      const session = (await client.get('/api/session')).body as { purposes: { purpose: string }[] };
      const chosen = purpose ?? session.purposes.at(0)?.purpose;
      if (chosen !== undefined) {
        const answer = await client.call('PUT', '/api/session/purpose', { purpose: chosen });
        if (answer.status !== 200) throw new Error(`declaring ${chosen} answered ${answer.status}`);
      }
      return client;
    },
    async dispose() {
      await app.close();
      await t.dispose();
    },
  };
}

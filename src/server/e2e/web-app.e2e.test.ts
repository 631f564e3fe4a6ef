import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessBus } from '../../ingest/bus/in-process-bus.js';
import { openTestStore, testBackends, type TestStore } from '../../store/testing/test-store.js';
import { seedDemoAccounts } from '../auth/demo-accounts.js';
import { defaultWebRoot, startServer, type ServerHandle } from '../start-server.js';
import { launchBrowser, type Browser } from '../testing/browser.js';
import { Fixture } from '../testing/fixtures.js';
import { seedSmallWorld, type SmallWorld } from '../testing/small-world.js';

/** Screenshots of the main pages, for people to look at; the folder is git-ignored. */
const shots = join(process.cwd(), 'e2e-screenshots');

interface LedgerRow {
  actor: string;
  role: string;
  action: string;
  target: string;
  purpose: string;
  legal_basis: string;
  outcome: string;
  details: string;
}

// The browser flow runs once, on the first backend; the API tests cover both.
const backend = testBackends[0] ?? 'pglite';

describe(`web app in headless Chromium (${backend})`, () => {
  let t: TestStore;
  let world: SmallWorld;
  let bus: InProcessBus;
  let server: ServerHandle;
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];

  const ledger = async (actor: string, after: number): Promise<LedgerRow[]> =>
    t.store.db.query<LedgerRow>('SELECT actor, role, action, target, purpose, legal_basis, outcome, details FROM audit_ledger WHERE actor = $1 AND seq > $2 ORDER BY seq', [actor, after]);
  const head = async (): Promise<number> => (await t.store.db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM audit_ledger')).at(0)?.seq ?? 0;
  /** Every form control has a label and the page has one main heading; then the screenshot. */
  const shoot = async (name: string): Promise<void> => {
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('input, textarea, select')]
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')).map((el) => el.outerHTML)`);
    expect(unlabelled, name).toEqual([]);
    expect(await page.locator('h1').count(), name).toBe(1);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const signIn = async (username: string, password: string): Promise<void> => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const signOut = async (): Promise<void> => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User name').waitFor();
  };

  beforeAll(async () => {
    if (defaultWebRoot() === undefined || !existsSync(join(defaultWebRoot() ?? '', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
    await mkdir(shots, { recursive: true });
    t = await openTestStore(backend);
    world = await seedSmallWorld(t.store.db);
    await seedDemoAccounts(t.store);
    bus = new InProcessBus();
    server = await startServer({ store: t.store, bus, port: 0, onError: () => undefined });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    const origin = new URL(server.url).origin;
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:')) outside.push(url);
    });
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
    await bus.close();
    await t.dispose();
  });

  it('signs a field officer in and asks for a purpose of use first', async () => {
    const before = await head();
    await page.goto(`${server.url}/`);
    await page.getByLabel('User name').waitFor();
    await shoot('01-sign-in');
    await signIn('field.officer', 'demo-field-officer');
    await page.getByRole('heading', { name: 'Why are you looking?' }).waitFor();
    await shoot('02-purpose');
    await page.getByLabel(/Case processing/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Search people' }).waitFor();
    const entries = await ledger('field.officer', before);
    expect(entries.map((e) => [e.action, e.outcome])).toEqual([['session.sign-in', 'success'], ['session.purpose', 'success']]);
    expect(entries[1]?.purpose).toBe('case-processing');
    expect(entries[1]?.role).toBe('field-officer');
  });

  it('searches across scripts and records the query with actor, role and purpose', async () => {
    const before = await head();
    await page.getByLabel(/Name, alias/).fill('Сергей Иванов');
    await page.getByRole('button', { name: 'Search' }).click();
    const hit = page.getByRole('link', { name: 'Sergei Ivanov' });
    await hit.waitFor();
    await expect.poll(() => page.getByText(/name "sergei" matches \(typed "Сергей"\)/).count()).toBe(1);
    await shoot('03-search');
    const entry = (await ledger('field.officer', before)).at(0);
    expect(entry).toMatchObject({ action: 'person.search', role: 'field-officer', purpose: 'case-processing', legal_basis: '8 U.S.C. 1103(a)', outcome: 'success' });
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ query: 'Сергей Иванов', personIds: [world.ivanov] });
  });

  it('opens a profile with lineage, the timeline and why the records were linked', async () => {
    const before = await head();
    await page.getByRole('link', { name: 'Sergei Ivanov' }).click();
    await page.getByRole('heading', { name: 'Sergei Ivanov', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Why these records are one person' }).waitFor();
    await expect.poll(() => page.getByRole('table', { name: /Record #\d+ \(arrivals-departures\) linked/ }).count()).toBe(1);
    await expect.poll(() => page.getByText('Criminal case (traffic): dismissed').count()).toBe(1);
    await expect.poll(() => page.getByText('arrivals-departures.ndjson').count()).toBe(1);
    await shoot('04-person');
    const entry = (await ledger('field.officer', before)).at(0);
    expect(entry).toMatchObject({ action: 'person.read', target: `person:${world.ivanov}`, purpose: 'case-processing', outcome: 'success' });
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ records: [...world.ivanovRecords], withheld: 0 });
  });

  it('can be used from the keyboard alone', async () => {
    await page.goto(`${server.url}/search`);
    await page.getByRole('heading', { name: 'Search people' }).waitFor();
    // The page title takes focus on arrival; a skip link leads past the navigation.
    expect(await page.evaluate('document.activeElement.tagName')).toBe('H1');
    expect(await page.evaluate(`document.querySelector('a').textContent`)).toBe('Skip to content');
    for (let i = 0; i < 12 && (await page.evaluate('document.activeElement.id')) !== 'q'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('q');
    await page.keyboard.type('Bob Smith');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Robert Smith' }).waitFor();
  });

  it('fits a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/search?q=muhamad%20alhasan`);
    // The hit shows the name as the matching record writes it.
    await page.getByRole('link', { name: 'Muhammad Alhassan' }).waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shoot('05-search-phone');
    await page.getByRole('link', { name: 'Muhammad Alhassan' }).click();
    await page.getByRole('heading', { name: 'Mohammed Al-Hassan', level: 1 }).waitFor();
    await shoot('06-person-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows a live update on the dashboard within a second of the event', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByText('Live', { exact: true }).waitFor();
    const tile = page.getByTestId('total-records');
    await tile.waitFor();
    const shown = Number((await tile.textContent())?.replace(/\D/g, ''));
    const recordId = await new Fixture(t.store.db).record('arrivals-departures', { name: { given: 'Lin', surname: 'Zhang' }, dateOfBirth: '2001-06-30', countryOfBirth: 'CHN' });
    const published = Date.now();
    await bus.publish({ kind: 'record-ingested', source: 'arrivals-departures', recordIds: [recordId] });
    await page.waitForFunction(`document.querySelector('[data-testid="total-records"]')?.textContent.replace(/\\D/g, '') === '${shown + 1}'`, undefined, { timeout: 5_000 });
    const latency = Date.now() - published;
    expect(latency).toBeLessThan(1_000);
    await page.getByTestId('event-feed').getByText('arrivals-departures: 1 record ingested').waitFor();
    await shoot('07-dashboard');
  });

  it('lets a data steward decide a review, which merges the two people, and records it', async () => {
    await signOut();
    const before = await head();
    await signIn('data.steward', 'demo-data-steward');
    await page.getByLabel(/Data quality/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Search people' }).waitFor();
    await page.getByRole('link', { name: 'Review' }).click();
    await page.getByRole('link', { name: `Item ${world.pereiraReview}` }).click();
    await page.getByRole('heading', { name: `Review item ${world.pereiraReview}` }).waitFor();
    await shoot('08-review');
    await page.getByLabel(/^Match/).check();
    await page.getByLabel(/Reason/).fill('same passport photo and parents on both files');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText(/Decided match by data.steward/).waitFor();
    const entries = await ledger('data.steward', before);
    expect(entries.map((e) => e.action)).toEqual(['session.sign-in', 'session.purpose', 'review.list', 'review.read', 'review.decide', 'review.read']);
    const decide = entries.find((e) => e.action === 'review.decide');
    expect(decide).toMatchObject({ target: `review:${world.pereiraReview}`, purpose: 'data-quality', outcome: 'success' });
    expect(JSON.parse(decide?.details ?? '{}')).toMatchObject({ decision: 'match', change: 'merged', persons: [world.pereiraA, world.pereiraB] });
    const retired = await t.store.db.query<{ status: string; retired_into: number }>('SELECT status, retired_into FROM entities WHERE id = $1', [world.pereiraB]);
    expect(retired[0]).toEqual({ status: 'retired', retired_into: world.pereiraA });
  });

  it('shows an auditor every step in the audit ledger', async () => {
    await signOut();
    await signIn('auditor', 'demo-auditor');
    await page.getByLabel(/Oversight and audit/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Audit ledger' }).waitFor();
    const table = page.getByRole('table', { name: 'Ledger entries' });
    await table.waitFor();
    for (const action of ['session.sign-in', 'session.purpose', 'person.search', 'person.read', 'review.decide']) {
      await expect.poll(() => table.getByText(action, { exact: true }).count(), { message: action }).toBeGreaterThan(0);
    }
    await expect.poll(() => table.getByText(/query: Сергей Иванов/).count()).toBe(1);
    await shoot('09-audit-ledger');
  });

  it('made no request to any other host', () => {
    expect(outside).toEqual([]);
  });
});

import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCaseWorld, type CaseWorld } from '../../casework/testing/case-world.js';
import { InProcessBus } from '../../ingest/bus/in-process-bus.js';
import { openTestStore, testBackends, type TestStore } from '../../store/testing/test-store.js';
import { seedDemoAccounts } from '../auth/demo-accounts.js';
import { defaultWebRoot, startServer, type ServerHandle } from '../start-server.js';
import { launchBrowser, type Browser } from '../testing/browser.js';

/** Screenshots of the casework pages, for people to look at; the folder is git-ignored. */
const shots = join(process.cwd(), 'e2e-screenshots');

// The browser flow runs once, on the first backend; the API tests cover both.
const backend = testBackends[0] ?? 'pglite';

describe(`casework in headless Chromium (${backend})`, () => {
  let t: TestStore;
  let world: CaseWorld;
  let bus: InProcessBus;
  let server: ServerHandle;
  let browser: Browser;
  let page: Page;
  let caseId = 0;
  let proposalId = 0;

  const ledger = (where: string, ...params: unknown[]) => t.store.db.query<{ actor: string; role: string; action: string; target: string; outcome: string; purpose: string }>(
    `SELECT actor, role, action, target, outcome, purpose FROM audit_ledger WHERE ${where} ORDER BY seq`, params);
  /** Every form control has a label and the page has one main heading; then the screenshot. */
  const shoot = async (name: string): Promise<void> => {
    const unlabelled = await page.evaluate(`[...document.querySelectorAll('input, textarea, select')]
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label')).map((el) => el.outerHTML)`);
    expect(unlabelled, name).toEqual([]);
    expect(await page.locator('h1').count(), name).toBe(1);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  };
  const signIn = async (username: string, password: string, purpose: RegExp): Promise<void> => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel(purpose).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  };
  const signOut = async (): Promise<void> => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('User name').waitFor();
  };

  beforeAll(async () => {
    if (defaultWebRoot() === undefined || !existsSync(join(defaultWebRoot() ?? '', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
    await mkdir(shots, { recursive: true });
    t = await openTestStore(backend);
    world = await seedCaseWorld(t.store.db, new Date().toISOString().slice(0, 10));
    await seedDemoAccounts(t.store);
    bus = new InProcessBus();
    server = await startServer({ store: t.store, bus, port: 0, onError: () => undefined });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
    await bus.close();
    await t.dispose();
  });

  it('lets a case officer identify cases under the policy and see the queue by tier, then age', async () => {
    await signIn('case.officer', 'demo-case-officer', /Case processing/);
    await page.getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Identify cases under the policy' }).click();
    await page.getByText(/cases opened/).waitFor();
    const rows = page.getByRole('table', { name: 'Case queue' }).locator('tbody tr');
    await rows.first().waitFor();
    const firstRow = await rows.first().innerText();
    expect(firstRow).toMatch(/Tier 1/);
    expect(firstRow).toMatch(/Carlos Mejia/);
    await expect.poll(() => rows.count()).toBe(4);
    await expect.poll(() => page.getByRole('table', { name: 'Case queue' }).getByText('Jose Reyes').count()).toBe(0);
    await shoot('20-case-queue');
    caseId = Number((await rows.first().getByRole('link').innerText()).replace(/\D/g, ''));
  });

  it('shows the case with its facts, gates and timeline, and takes a proposal', async () => {
    await page.getByRole('link', { name: `Case ${caseId}` }).click();
    await page.getByRole('heading', { name: `Case ${caseId}: Carlos Mejia`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Legal gates now' }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Rules that fired' }).getByText('final-order-trafficking-robbery-weapons').count()).toBe(1);
    await expect.poll(() => page.getByRole('list', { name: 'Case timeline' }).getByText(/Identified under/).count()).toBe(1);
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Open the case' });
    await page.locator('#propose-reason').fill('Final order in absentia and a robbery conviction.');
    await page.getByRole('button', { name: 'Propose for review' }).click();
    await page.getByText(/pending/).first().waitFor();
    await shoot('21-case-proposed');
    const proposed = await t.store.db.query<{ id: number }>('SELECT id FROM proposals WHERE case_id = $1', [caseId]);
    proposalId = proposed[0]?.id ?? 0;
    expect(proposalId).toBeGreaterThan(0);
  });

  it('refuses the proposer a decision on their own proposal: the decision is outside their role, and the refusal is recorded', async () => {
    await expect.poll(() => page.getByRole('link', { name: 'Decisions' }).count()).toBe(0);
    await page.goto(`${server.url}/proposals/${proposalId}`);
    await page.getByRole('heading', { name: `Proposal ${proposalId}`, level: 1 }).waitFor();
    await page.getByRole('alert').getByText(/nothing found/i).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Record decision' }).count()).toBe(0);
    const denied = await ledger(`actor = 'case.officer' AND action = 'access.denied' AND target = $1`, `/api/proposals/${proposalId}`);
    expect(denied).toHaveLength(1);
    expect((await t.store.db.query('SELECT 1 FROM proposal_decisions WHERE proposal_id = $1', [proposalId])).length).toBe(0);
    await signOut();
  });

  it('lets a reviewing officer see the facts, gates, rules fired and match confidence, and approve', async () => {
    await signIn('reviewing.officer', 'demo-reviewing-officer', /Case processing/);
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('heading', { name: 'Proposals awaiting a decision' }).waitFor();
    await page.getByText('Every link scored above the match threshold.').first().waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Gates for open-case' }).getByText('Clear').count()).toBe(1);
    await shoot('22-decisions-queue');
    await page.getByRole('link', { name: `Proposal ${proposalId}: Open the case` }).click();
    await page.getByRole('heading', { name: `Proposal ${proposalId}`, level: 1 }).waitFor();
    await page.getByLabel(/^Approve/).check();
    await page.getByLabel('Reason (kept in the ledger)').fill('Order and conviction confirmed on the court and criminal records.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText(/Approved by reviewing\.officer/).waitFor();
    await shoot('23-proposal-approved');
    const decided = await ledger(`action = 'case.decide' AND target = $1`, `proposal:${proposalId}`);
    expect(decided).toEqual([{ actor: 'reviewing.officer', role: 'reviewing-officer', action: 'case.decide', target: `proposal:${proposalId}`, outcome: 'success', purpose: 'case-processing' }]);
    await signOut();
  });

  it('lets the case officer carry out the approved step, with the approval in the timeline', async () => {
    await signIn('case.officer', 'demo-case-officer', /Case processing/);
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByRole('heading', { name: `Case ${caseId}: Carlos Mejia`, level: 1 }).waitFor();
    await page.getByLabel('Step', { exact: true }).selectOption({ label: `Open the case (proposal ${proposalId}, approved)` });
    await page.locator('#step-reason').fill('Approved by a reviewing officer.');
    await page.getByRole('button', { name: 'Record step' }).click();
    await page.getByText('Under review').first().waitFor();
    const timeline = page.getByRole('list', { name: 'Case timeline' });
    await timeline.getByText(new RegExp(`proposal ${proposalId}: proposed by case\\.officer, approved by reviewing\\.officer`)).waitFor();
    await shoot('24-case-opened');
    const steps = await ledger(`action = 'case.transition' AND target = $1 AND outcome = 'success'`, `case:${caseId}`);
    expect(steps.map((s) => s.actor)).toEqual(['case.officer']);
  });

  it('shows a person\'s cases and every legal hold on their profile', async () => {
    await page.goto(`${server.url}/persons/${world.citizen}`);
    await page.getByRole('heading', { name: 'Cases and legal holds' }).waitFor();
    const holds = page.getByRole('list', { name: 'Legal holds for each adverse action' });
    await expect.poll(() => holds.getByText('Blocked').count()).toBe(4);
    await expect.poll(() => holds.getByText(/Refer to counsel/).count()).toBe(4);
    await shoot('26-profile-holds');
    await page.goto(`${server.url}/persons/${world.removable}`);
    await page.getByRole('link', { name: `Case ${caseId}` }).waitFor();
  });

  it('shows departures due, verified and overdue on the dashboard', async () => {
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Voluntary departures' }).waitFor();
    await page.waitForFunction(`document.querySelector('[data-testid="departures-due"]')?.textContent === '1'`, undefined, { timeout: 10_000 });
    expect(await page.getByTestId('departures-verified').textContent()).toBe('1');
    expect(Number(await page.getByTestId('departures-overdue').textContent())).toBeGreaterThanOrEqual(1);
    await page.getByRole('link', { name: 'Pedro Alvarez' }).waitFor();
    await shoot('25-dashboard-departures');
    expect(world.departing).toBeGreaterThan(0);
  });
});

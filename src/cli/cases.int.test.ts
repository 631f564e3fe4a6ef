import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseSummary, DepartureBoardView, IdentifyReport, PolicySimulation, ProposalView, ReviewItem } from '../casework/index.js';
import { seedCaseWorld, type CaseWorld } from '../casework/testing/case-world.js';
import { testBackends } from '../store/testing/test-store.js';
import { openCliBackend, type CliBackend } from './testing/cli-backend.js';
import { repoRoot, runCli } from './testing/run-cli.js';

const today = new Date().toISOString().slice(0, 10);

describe.each(testBackends)('docket cases, policy and departures on %s', (backend) => {
  let b: CliBackend;
  let world: CaseWorld;
  let work: string;
  const as = (actor: string): Record<string, string> => ({ ...b.env, DOCKET_ACTOR: actor });
  const json = async <T>(args: readonly string[], actor = 'officer.a'): Promise<T> => {
    const result = await runCli([...args, '--json'], as(actor));
    if (result.code !== 0) throw new Error(`docket ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout) as T;
  };

  beforeAll(async () => {
    b = openCliBackend(backend);
    work = mkdtempSync(join(tmpdir(), 'docket-cases-'));
    const store = await b.open();
    try {
      world = await seedCaseWorld(store.db, today);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await b.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('identifies cases from the active policy and lists the queue by tier', async () => {
    const report = await json<IdentifyReport>(['cases', 'identify']);
    expect(report.identified.map((c) => c.tier)).toEqual([1, 2, 3, 4]);
    const queue = await json<CaseSummary[]>(['cases', 'list']);
    expect(queue.map((c) => c.person.entityId)).toEqual([world.removable, world.overdue, world.uncertain, world.overstay]);
    const text = await runCli(['cases', 'list'], as('officer.a'));
    expect(text.stdout.split('\n')[0]).toMatch(/^CASE\s+TIER\s+STATE\s+AGE\s+PERSON\s+NAME$/);
    expect(text.stdout).toMatch(/tier 1\s+identified\s+0d\s+\d+\s+Carlos Mejia/);
  });

  it('refuses a person whose records indicate US citizenship, in one line', async () => {
    const result = await runCli(['cases', 'identify', '--person', String(world.citizen)], as('officer.a'));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^docket: Blocked for open-case by indication of US citizenship or nationality\. Refer to counsel\./);
  });

  it('takes an adverse action through two people, and refuses self-approval and a role the account does not hold', async () => {
    const [first] = await json<CaseSummary[]>(['cases', 'list']);
    const caseId = String(first.caseId);
    const proposal = await json<ProposalView>(['cases', 'propose', caseId, '--action', 'open-case', '--reason', 'Final order and a robbery conviction.'], 'officer.a');
    const self = await runCli(['cases', 'decide', String(proposal.proposalId), '--approve', '--reason', 'Mine.', '--role', 'reviewing-officer'], as('officer.a'));
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/officer\.a proposed this action and may not decide it/);
    const reviews = await json<ReviewItem[]>(['cases', 'reviews'], 'reviewer.b');
    expect(reviews.map((r) => r.proposal.proposalId)).toEqual([proposal.proposalId]);
    expect(reviews[0]).toMatchObject({ facts: { status: 'final-order' }, gates: { clear: true }, matchConfidence: { band: 'certain' } });
    const decided = await json<ProposalView>(['cases', 'decide', String(proposal.proposalId), '--approve', '--reason', 'Facts and gates checked.'], 'reviewer.b');
    expect(decided).toMatchObject({ status: 'approved', decision: { reviewer: 'reviewer.b', proposedBy: 'officer.a' } });
    await json(['cases', 'transition', caseId, '--step', 'open-case', '--reason', 'Approved.'], 'officer.a');
    const detail = await json<CaseDetail>(['cases', 'show', caseId]);
    expect(detail.state).toBe('under-review');
    expect(detail.history.at(-1)?.approval).toEqual({ proposalId: String(proposal.proposalId), proposedBy: 'officer.a', approvedBy: 'reviewer.b' });

    // An account's holder acts in the account's role only.
    const store = await b.open();
    try {
      await store.db.query(`INSERT INTO accounts (username, display_name, role, password_hash) VALUES ('case.officer', 'Casey', 'case-officer', 'x')`);
    } finally {
      await store.close();
    }
    const posing = await runCli(['cases', 'reviews', '--role', 'reviewing-officer'], as('case.officer'));
    expect(posing.code).toBe(1);
    expect(posing.stderr).toMatch(/case\.officer holds the role case-officer, not reviewing-officer/);
  });

  it('shows the policy and simulates another against it, with disparity by country of birth, sex and age band', async () => {
    const shown = await json<{ origin: string; policy: { policy: string; rules: { id: string }[] } }>(['policy', 'show']);
    expect(shown).toMatchObject({ origin: 'bundled', policy: { policy: 'default-2026' } });
    const proposed = readFileSync(join(repoRoot, 'policies/default-2026.yaml'), 'utf8')
      .replace('version: 1', 'version: 2')
      .replace(/\n {2}- id: unlawful-presence-one-year[\s\S]*?atLeast: 365\n/, '\n');
    const file = join(work, 'proposed.yaml');
    writeFileSync(file, proposed);
    const simulation = await json<PolicySimulation>(['policy', 'simulate', '--policy', file]);
    const overstays = simulation.report.outcomes.find((o) => o.outcome === 'tier-4');
    expect(overstays).toMatchObject({ active: 1, proposed: 0 });
    expect(simulation.report.disparity.map((d) => d.dimension)).toEqual(['countryOfBirth', 'sex', 'ageBand']);
    const text = await runCli(['policy', 'simulate', '--policy', file], as('officer.a'));
    expect(text.stdout).toMatch(/OUTCOME\s+ACTIVE\s+PROPOSED\s+CHANGE/);
    expect(text.stdout).toMatch(/tier-4\s+1\s+0\s+-1/);
    const bad = join(work, 'bad.yaml');
    writeFileSync(bad, proposed.replace('fact: age', 'fact: religion'));
    const refused = await runCli(['policy', 'simulate', '--policy', bad], as('officer.a'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/uses the protected attribute "religion"/);
  });

  it('lists departures due, verified and overdue', async () => {
    const view = await json<DepartureBoardView>(['departures']);
    expect(view.board.due.map((w) => Number(w.personId))).toEqual([world.departing]);
    expect(view.board.alerts.map((w) => w.daysLeft)).toEqual([10]);
    expect(view.board.verified.map((w) => Number(w.personId))).toEqual([world.departed]);
    expect(view.board.overdue.map((w) => Number(w.personId))).toEqual([world.overdue]);
    const text = await runCli(['departures', '--only', 'due'], as('officer.a'));
    expect(text.stdout).toMatch(/due \(1\):\nPERSON\s+NAME\s+CASE\s+DEADLINE\s+DAYS LEFT/);
    expect(text.stdout).toMatch(/Pedro Alvarez\s+A400/);
    const sweep = await json<{ alertsRaised: unknown[] }>(['departures', 'sweep']);
    expect(sweep.alertsRaised).toHaveLength(1);
  });
});

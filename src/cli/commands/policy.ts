import type { Command } from 'commander';
import type { PolicySimulation } from '../../casework/index.js';
import { DocketError } from '../../core/errors/index.js';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

function describeSimulation(s: PolicySimulation): string {
  const { report } = s;
  const lines = [
    `${report.active.id} v${report.active.version} (active, ${s.active.origin}) against ${report.proposed.id} v${report.proposed.version}: ${report.population} people, status as of ${s.at}`,
    '',
    formatTable(['OUTCOME', 'ACTIVE', 'PROPOSED', 'CHANGE'], report.outcomes.map((o) => [o.outcome, String(o.active), String(o.proposed), `${o.proposed - o.active >= 0 ? '+' : ''}${o.proposed - o.active}`])),
  ];
  if (report.changes.length > 0) {
    lines.push('', 'moves:', ...report.changes.slice(0, 15).map((c) => `  ${c.from} → ${c.to}: ${c.count}`));
  }
  for (const d of report.disparity) {
    lines.push('', `prioritized share by ${d.dimension} (ratio to the whole population):`);
    lines.push(formatTable(['GROUP', 'PEOPLE', 'ACTIVE', 'RATIO', 'PROPOSED', 'RATIO', ''], d.groups.map((g) => [
      g.group, String(g.size), percent(g.active.rate), g.active.ratio === undefined ? '—' : g.active.ratio.toFixed(2),
      percent(g.proposed.rate), g.proposed.ratio === undefined ? '—' : g.proposed.ratio.toFixed(2), g.flagged ? 'FLAGGED' : '',
    ])));
  }
  lines.push('', ...report.notes);
  return lines.join('\n');
}

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('prioritization as code: the policy in force, what-if simulation with outcome disparity, activation');

  policy
    .command('show')
    .description('the policy in force: tiers and rules, each with its citation')
    .option('--json', 'print JSON')
    .action(action(async (options: { json?: boolean }) => {
      const { Policies } = await import('../../casework/index.js');
      const active = await withStore((store) => Policies.active(store.db));
      if (options.json === true) {
        printJson({ origin: active.origin, sha256: active.sha256, activatedAt: active.activatedAt, policy: active.policy });
        return;
      }
      const p = active.policy;
      say(`${p.policy} v${p.version}: ${p.title} (effective ${p.effective}; ${active.origin === 'bundled' ? 'the bundled default, no other activated' : `activated ${active.activatedAt ?? ''}`}; sha256 ${active.sha256.slice(0, 16)})`);
      say(`basis: ${p.basis}`);
      say('');
      say(formatTable(['TIER', 'NAME', 'DESCRIPTION'], p.tiers.map((t) => [String(t.tier), t.name, t.description])));
      say('');
      say(formatTable(['RULE', 'TIER', 'DESCRIPTION', 'CITATION'], p.rules.map((r) => [r.id, String(r.tier), r.description, r.citation])));
    }));

  policy
    .command('simulate')
    .description('what-if: how tiers would change under another policy, with counts by tier and outcome disparity by country of birth, sex and age band')
    .requiredOption('--policy <file>', 'the proposed policy (YAML)')
    .option('--as-of <day>', 'derive every status as of this day (YYYY-MM-DD; default today)')
    .option('--min-group <n>', 'groups smaller than this are reported but never flagged', '30')
    .option('--json', 'print JSON')
    .action(action(async (options: { policy: string; asOf?: string; minGroup: string; json?: boolean }) => {
      const [{ readPolicyFile, simulateAgainstActive, CaseAction }, { IsoDay }] = await Promise.all([import('../../casework/index.js'), import('../../core/calendar/index.js')]);
      const at = options.asOf ?? new Date().toISOString().slice(0, 10);
      if (!IsoDay.isValid(at)) throw new DocketError('invalid-input', `--as-of ${at} is not a day (YYYY-MM-DD)`);
      const minGroupSize = Number(options.minGroup);
      if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new DocketError('invalid-input', `--min-group must be a whole number above zero, not "${options.minGroup}"`);
      const { policy: proposed } = await readPolicyFile(options.policy);
      const simulation = await withStore(async (store) => {
        const result = await simulateAgainstActive(store.db, proposed, { at, minGroupSize });
        const flagged = result.report.disparity.flatMap((d) => d.groups.filter((g) => g.flagged).map((g) => `${d.dimension}:${g.group}`));
        await store.record(cliContext('administrator', 'oversight-audit', 'policy review under 6 U.S.C. 202(5); aggregates only'), CaseAction.policySimulate, `policy:${proposed.policy}@${proposed.version}`, 'success', {
          population: result.report.population, at, outcomes: result.report.outcomes, flagged,
        });
        return result;
      });
      if (options.json === true) printJson(simulation);
      else say(describeSimulation(simulation));
    }));

  policy
    .command('activate')
    .description('put a policy in force (administrator); a stored version never changes, and open cases are re-prioritized')
    .argument('<file>', 'the policy (YAML)')
    .option('--json', 'print JSON')
    .action(action(async (file: string, options: { json?: boolean }) => {
      const { readPolicyFile, Policies, Casework } = await import('../../casework/index.js');
      const { text } = await readPolicyFile(file);
      const result = await withStore(async (store) => {
        const row = await Policies.activate(store, cliContext('administrator', 'policy-administration', '6 U.S.C. 202(5)'), text, file);
        const recheck = await new Casework(store).recheckAll();
        return { policy: row.policy, version: row.version, sha256: row.sha256, activatedAt: row.activatedAt, reprioritized: recheck.reprioritized };
      });
      if (options.json === true) printJson(result);
      else say(`${result.policy} v${result.version} is in force; ${result.reprioritized.length} open cases moved tier`);
    }));

  policy
    .command('list')
    .description('every policy version stored, and which one is in force')
    .option('--json', 'print JSON')
    .action(action(async (options: { json?: boolean }) => {
      const { CaseStore } = await import('../../store/index.js');
      const rows = await withStore((store) => CaseStore.policies(store.db));
      if (options.json === true) printJson(rows.map(({ text: _text, ...row }) => row));
      else say(rows.length === 0 ? 'no policy activated: the bundled default is in force (docket policy show)' : formatTable(['POLICY', 'VERSION', 'ACTIVE', 'ACTIVATED', 'BY', 'SHA256'], rows.map((r) => [r.policy, String(r.version), r.active ? 'yes' : '', r.activatedAt ?? '', r.storedBy, r.sha256.slice(0, 16)])));
    }));
}

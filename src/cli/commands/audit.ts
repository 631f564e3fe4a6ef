import type { Command } from 'commander';
import { DocketError } from '../../core/errors/index.js';
import type { ChainVerdict } from '../../core/ledger/index.js';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { formatTable } from '../table.js';
import { withStore } from '../with-store.js';

const auditorContext = () => cliContext('auditor', 'oversight-audit', 'Privacy Act of 1974, 5 U.S.C. 552a(c) (accounting of disclosures)');

function describeVerdict(verdict: ChainVerdict): string {
  return verdict.kind === 'intact'
    ? `ledger intact: ${verdict.count} entries, head #${verdict.headSeq} ${verdict.headHash}`
    : `ledger BROKEN at entry #${verdict.seq}: ${verdict.reason}`;
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit ledger of every read, search, write and decision');

  audit
    .command('verify')
    .description('recompute the hash chain and name the first entry that does not verify')
    .option('--file <export>', 'verify an exported ledger file instead of the database (needs no database)')
    .option('--against <export>', 'also check that the database still holds an earlier export unchanged (detects removed or rewritten history)')
    .option('--json', 'print the verdict as JSON')
    .action(action(async (options: { file?: string; against?: string; json?: boolean }) => {
      const files = await import('../jobs/ledger-file.js');
      let verdict: ChainVerdict;
      let checksumMatches: boolean | undefined;
      let anchor: { seq: number; matches: boolean } | undefined;
      if (options.file !== undefined) {
        ({ chain: verdict, checksumMatches } = await files.verifyLedgerFile(options.file));
      } else {
        const head = options.against === undefined ? undefined : await files.exportedHead(options.against);
        if (options.against !== undefined && head === undefined) throw new DocketError('invalid-input', `${options.against} does not verify on its own`, { hint: `check it with \`npx docket audit verify --file ${options.against}\`` });
        const { LedgerStore } = await import('../../store/index.js');
        ({ verdict, anchor } = await withStore(async (store) => {
          const result = await LedgerStore.verify(store.db);
          const atHead = head === undefined ? undefined : (await store.db.query<{ hash: string }>('SELECT hash FROM audit_ledger WHERE seq = $1', [head.seq])).at(0);
          const anchored = head === undefined ? undefined : { seq: head.seq, matches: atHead?.hash === head.hash };
          await store.record(auditorContext(), 'ledger.verify', 'ledger', result.kind === 'intact' && anchored?.matches !== false ? 'success' : 'failure', { verdict: result, anchor: anchored });
          return { verdict: result, anchor: anchored };
        }));
      }
      const ok = verdict.kind === 'intact' && checksumMatches !== false && anchor?.matches !== false;
      if (options.json === true) printJson({ ok, verdict, checksumMatches, anchor });
      else {
        const lines = [describeVerdict(verdict)];
        if (checksumMatches !== undefined) lines.push(checksumMatches ? 'checksum matches' : 'checksum DOES NOT match the file (the file was changed after export)');
        if (anchor !== undefined) lines.push(anchor.matches ? `earlier export head #${anchor.seq} is unchanged in the database` : `earlier export head #${anchor.seq} is MISSING or CHANGED in the database`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      if (!ok) process.exitCode = 1;
    }));

  audit
    .command('export')
    .description('write the ledger and a checksum so an outside auditor can verify it without Docket\'s database')
    .requiredOption('--out <file>', 'where to write the ledger (NDJSON); the checksum goes to <file>.sha256')
    .option('--json', 'print the summary as JSON')
    .action(action(async (options: { out: string; json?: boolean }) => {
      const { writeLedgerExport } = await import('../jobs/ledger-file.js');
      const { LedgerStore } = await import('../../store/index.js');
      const summary = await withStore(async (store) => {
        const written = await writeLedgerExport(LedgerStore.entries(store.db), options.out, store.db.location);
        await store.record(auditorContext(), 'ledger.export', 'ledger', 'success', { entries: written.entries, headSeq: written.headSeq, sha256: written.sha256 });
        return written;
      });
      if (options.json === true) printJson(summary);
      else process.stdout.write(`exported ${summary.entries} entries to ${summary.file} (head #${summary.headSeq}); checksum in ${summary.checksumFile}\nverify anywhere with: node tools/verify-ledger.mjs ${summary.file}\n`);
    }));

  audit
    .command('list')
    .description('show the latest ledger entries')
    .option('--target <target>', 'only entries about this target, e.g. source:arrivals')
    .option('--limit <n>', 'how many entries', '20')
    .option('--json', 'print as JSON')
    .action(action(async (options: { target?: string; limit: string; json?: boolean }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit <= 0) throw new DocketError('invalid-input', `--limit ${options.limit} is not a positive whole number`);
      const { LedgerStore } = await import('../../store/index.js');
      const entries = await withStore((store) => LedgerStore.list(store.db, { limit, ...(options.target === undefined ? {} : { target: options.target }) }));
      if (options.json === true) printJson(entries);
      else process.stdout.write(`${formatTable(['SEQ', 'AT', 'ACTOR', 'ROLE', 'ACTION', 'TARGET', 'OUTCOME', 'PURPOSE'], entries.map((e) => [String(e.seq), e.at, e.actor, e.role, e.action, e.target, e.outcome, e.purpose]))}\n`);
    }));
}

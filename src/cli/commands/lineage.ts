import type { Command } from 'commander';
import { DocketError } from '../../core/errors/index.js';
import { action, printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { withStore } from '../with-store.js';

/** Reads one value at a canonical path such as `name.given` or `events[0].date`. */
function valueAt(record: unknown, path: string): unknown {
  return path.split(/\.|\[(\d+)\]/).filter((part) => Boolean(part)).reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), record);
}

export function registerLineage(program: Command): void {
  program
    .command('lineage')
    .description('where a stored record came from: source, file, line, byte, ingest run, mapping version, and the column behind each value')
    .argument('<record-id>', 'the record id')
    .requiredOption('--purpose <purpose>', 'why you are looking (recorded in the audit ledger), e.g. data-quality')
    .option('--json', 'print as JSON')
    .action(action(async (id: string, options: { purpose: string; json?: boolean }) => {
      const recordId = Number(id);
      if (!Number.isInteger(recordId) || recordId < 1) throw new DocketError('invalid-input', `"${id}" is not a record id`);
      const { LineageStore } = await import('../../store/index.js');
      const lineage = await withStore(async (store) => {
        const found = await LineageStore.forRecord(store.db, recordId);
        await store.record(cliContext('data-steward', options.purpose, found.legalAuthority), 'record.lineage', `record:${recordId}`, 'success');
        return found;
      });
      if (options.json === true) {
        printJson(lineage);
        return;
      }
      const lines = [
        `record ${lineage.recordId} from source "${lineage.source}" (${lineage.legalAuthority})`,
        `file ${lineage.file}, line ${lineage.line}, byte ${lineage.offset}; sha256 of file ${lineage.fileFingerprint}`,
        `ingest run ${lineage.runId} on ${lineage.ingestedAt}, mapping version ${lineage.mappingVersion}; row content hash ${lineage.contentHash}`,
        '',
        ...Object.entries(lineage.columns).map(([path, column]) => `${path.padEnd(28)} ${JSON.stringify(valueAt(lineage.record, path))}  ← column ${column} = ${JSON.stringify(lineage.content[column] ?? valueAt(lineage.content, column))}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }));
}

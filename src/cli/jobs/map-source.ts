import { readFileSync } from 'node:fs';
import { DocketError } from '../../core/errors/index.js';
import { SourceMapping } from '../../core/mapping/index.js';
import { openSourceFile } from '../../ingest/readers/index.js';
import { suggestMapping } from '../../ingest/suggest-mapping.js';
import { IngestStore, SourceStore } from '../../store/index.js';
import { printJson } from '../action.js';
import { cliContext } from '../cli-context.js';
import { withStore } from '../with-store.js';

async function sampleRows(path: string, limit: number): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const file = await openSourceFile(path);
  const rows: Record<string, unknown>[] = [];
  for await (const item of file.read()) {
    if (item.kind === 'row') rows.push({ ...item.values });
    if (rows.length >= limit) break;
  }
  const columns = file.columns === undefined ? [...new Set(rows.flatMap((row) => Object.keys(row)))] : [...file.columns];
  return { columns, rows };
}

function readMappingFile(path: string): Omit<SourceMapping, 'version'> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DocketError('invalid-input', `${path}: ${error instanceof Error ? error.message : String(error)}`, { hint: 'give a JSON file such as the one `--suggest` prints' });
  }
  const parsed = SourceMapping.safeParse({ ...(json as object), version: 1 });
  if (!parsed.success) {
    const issue = parsed.error.issues.at(0);
    throw new DocketError('invalid-input', `${path}: ${issue?.path.join('.') ?? 'mapping'}: ${issue?.message ?? 'invalid'}`, { hint: 'fields map canonical names (name.given, dateOfBirth, …) to columns; see README "Mapping a source"' });
  }
  const { version: _version, ...mapping } = parsed.data;
  return mapping;
}

/** `docket sources map`: propose, save or show a source's column mapping. */
export async function mapSource(name: string | undefined, options: { suggest?: string; file?: string; show?: boolean }): Promise<void> {
  if (options.suggest !== undefined) {
    const { columns, rows } = await sampleRows(options.suggest, 200);
    const { mapping, unused } = suggestMapping(columns, rows);
    printJson(mapping);
    if (unused.length > 0) process.stderr.write(`not mapped: ${unused.join(', ')}\n`);
    return;
  }
  if (name === undefined) throw new DocketError('invalid-input', 'name the source whose mapping to save or show', { hint: 'docket sources map NAME --file MAPPING.json' });
  if (options.file !== undefined) {
    const mapping = readMappingFile(options.file);
    const saved = await withStore(async (store) => {
      const source = await SourceStore.get(store.db, name);
      return store.audited(cliContext('data-steward', 'source-mapping', source.legalAuthority), 'source.map', `source:${name}`, async (tx) => {
        const row = await IngestStore.addMapping(tx, source.id, mapping, cliContext('data-steward', 'source-mapping', '').actor);
        return { value: row, details: { version: row.version } };
      });
    });
    process.stdout.write(`saved mapping version ${saved.version} for source "${name}"\n`);
    return;
  }
  const current = await withStore(async (store) => IngestStore.latestMapping(store.db, (await SourceStore.get(store.db, name)).id));
  if (current === undefined) throw new DocketError('not-found', `source "${name}" has no mapping yet`, { hint: `propose one with \`npx docket sources map --suggest FILE\`` });
  printJson(current.mapping);
}

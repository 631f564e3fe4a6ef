import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DocketError } from '../core/errors/index.js';
import type { AuditContext } from '../core/ledger/index.js';
import { canonicalJson } from '../core/ledger/index.js';
import { SourceMapping } from '../core/mapping/index.js';
import { IngestStore, registerSource, SourceStore, type Store } from '../store/index.js';
import { ingestFiles, type FileSummary, type IngestOptions } from './ingest-files.js';
import { LiveResolver } from './resolve/live-resolver.js';

/** The catalog a generated folder carries (sources.json): each source, its registration, file and mapping. */
const CatalogFile = z.array(z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  file: z.object({ csv: z.string(), ndjson: z.string() }),
  registration: z.object({ legalAuthority: z.string(), purposes: z.array(z.string()), category: z.string(), retentionDays: z.number() }),
  mapping: SourceMapping,
}));

export interface CatalogLoad {
  readonly registered: readonly string[];
  readonly mapped: readonly string[];
  readonly files: readonly FileSummary[];
}

/**
 * Registers every source a generated folder describes (those not yet registered), saves each
 * mapping when it differs from the current one, and ingests every file there is.
 */
export async function loadCatalog(store: Store, dir: string, context: AuditContext, options: Omit<IngestOptions, 'source' | 'files' | 'context'> & { readonly resolve?: boolean } = {}): Promise<CatalogLoad> {
  let text: string;
  try {
    text = await readFile(join(dir, 'sources.json'), 'utf8');
  } catch {
    throw new DocketError('io', `${join(dir, 'sources.json')} cannot be read`, { hint: 'give a folder written by `npx docket demo generate`' });
  }
  const parsed = CatalogFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new DocketError('invalid-input', `${join(dir, 'sources.json')}: ${parsed.error.issues.at(0)?.message ?? 'not a source catalog'}`);
  const { resolve, ...ingestOptions } = options;
  const resolver = resolve === true ? await LiveResolver.open(store, { context, ...(options.bus === undefined ? {} : { bus: options.bus }) }) : undefined;
  const registered: string[] = [];
  const mapped: string[] = [];
  const files: FileSummary[] = [];
  for (const entry of parsed.data) {
    let source = await SourceStore.find(store.db, entry.id);
    if (source === undefined) {
      source = await registerSource(store, { ...context, legalBasis: entry.registration.legalAuthority }, {
        name: entry.id, legalAuthority: entry.registration.legalAuthority, purposes: entry.registration.purposes, category: entry.registration.category,
        retention: entry.registration.retentionDays, description: `${entry.name}: ${entry.description}`,
      });
      registered.push(entry.id);
    }
    const { version: _version, ...mapping } = entry.mapping;
    const current = await IngestStore.latestMapping(store.db, source.id);
    const { version: _currentVersion, ...currentMapping } = current?.mapping ?? { version: 0 };
    if (current === undefined || canonicalJson(currentMapping) !== canonicalJson(mapping)) {
      const sourceId = source.id;
      await store.audited({ ...context, legalBasis: source.legalAuthority }, 'source.map', `source:${entry.id}`, async (tx) => {
        const row = await IngestStore.addMapping(tx, sourceId, mapping, context.actor);
        return { value: row, details: { version: row.version } };
      });
      mapped.push(entry.id);
    }
    for (const name of [entry.file.csv, entry.file.ndjson]) {
      const path = join(dir, name);
      const exists = await access(path).then(() => true, () => false);
      if (exists) files.push(...(await ingestFiles(store, { ...ingestOptions, ...(resolver === undefined ? {} : { resolver }), source: entry.id, files: [path], context: { ...context, legalBasis: source.legalAuthority } })));
    }
  }
  await resolver?.finish();
  return { registered, mapped, files };
}

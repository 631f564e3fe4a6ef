import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/ledger/index.js';
import type { SourceMapping } from '../../core/mapping/index.js';
import type { PersonRecord } from '../../core/records/index.js';
import { personRecordValues } from '../../linkage/adapters/person-record.js';
import type { GoodRow, QuarantinedRow } from '../../store/ingest-store.js';
import { applyMapping, checkRecord } from '../mapping/index.js';
import type { SourceItem } from '../readers/index.js';

export type ClassifiedItem = { readonly kind: 'good'; readonly row: GoodRow } | { readonly kind: 'quarantine'; readonly row: QuarantinedRow };

export interface ClassifyContext {
  readonly fileName: string;
  readonly fingerprint: string;
  /** The day plausibility checks measure against (YYYY-MM-DD). */
  readonly today: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A mapped row as it is stored: found again by the hash of its content, its values written as JSON once, here. */
export function goodRow(place: Pick<GoodRow, 'fileName' | 'fingerprint' | 'line' | 'offset'>, content: Readonly<Record<string, unknown>>, record: PersonRecord, lineage: Readonly<Record<string, string>>): GoodRow {
  return {
    fileName: place.fileName, fingerprint: place.fingerprint, line: place.line, offset: place.offset,
    contentHash: sha256(canonicalJson(content)),
    content: JSON.stringify(content),
    record: JSON.stringify(record),
    lineage: JSON.stringify(lineage),
    linkageValues: personRecordValues(record),
  };
}

/** Decides one read item: a row to store (mapped and plausible), or one for quarantine with the reason and stage. */
export function classifyItem(item: SourceItem, mapping: SourceMapping, file: ClassifyContext): ClassifiedItem {
  const quarantined = (reason: string, stage: QuarantinedRow['stage'], values: QuarantinedRow['values']): ClassifiedItem => ({
    kind: 'quarantine',
    row: { fileName: file.fileName, fingerprint: file.fingerprint, line: item.line, offset: item.offset, raw: item.raw, rawHash: sha256(`${file.fingerprint}:${item.offset}`), reason, stage, values },
  });
  if (item.kind === 'bad') return quarantined(item.reason, 'read', undefined);
  const mapped = applyMapping(item.values, mapping);
  if (mapped.kind === 'rejected') return quarantined(mapped.reason, 'map', item.values);
  const problem = checkRecord(mapped.record, file.today);
  if (problem !== undefined) return quarantined(problem, 'validate', item.values);
  return { kind: 'good', row: goodRow({ fileName: file.fileName, fingerprint: file.fingerprint, line: item.line, offset: item.offset }, item.values, mapped.record, mapped.lineage) };
}

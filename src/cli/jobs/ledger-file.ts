import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { DocketError } from '../../core/errors/index.js';
import { canonicalJson, ChainVerifier, type ChainVerdict, type LedgerEntry } from '../../core/ledger/index.js';

/** The first line of an export: what it is and how to check it, for someone without Docket. */
export const exportHeader = {
  format: 'docket-audit-ledger',
  version: 1,
  hash: 'sha256(hex(previous hash) + "\\n" + canonical JSON of {seq, at, actor, role, action, target, purpose, legalBasis, outcome, details}); canonical JSON sorts object keys and has no whitespace; the first previous hash is 64 zeros',
} as const;

export interface ExportSummary {
  readonly file: string;
  readonly checksumFile: string;
  readonly sha256: string;
  readonly entries: number;
  readonly headSeq: number;
  readonly headHash: string;
}

/** Writes entries as NDJSON after a header line, and a `sha256sum -c` compatible checksum beside it. */
export async function writeLedgerExport(entries: AsyncIterable<LedgerEntry>, file: string, location: string): Promise<ExportSummary> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const digest = createHash('sha256');
  const write = async (line: string): Promise<void> => {
    digest.update(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  let count = 0;
  let head = { seq: 0, hash: '' };
  try {
    await write(`${canonicalJson({ ...exportHeader, exportedAt: new Date().toISOString(), from: location })}\n`);
    for await (const entry of entries) {
      await write(`${canonicalJson(entry)}\n`);
      count += 1;
      head = { seq: entry.seq, hash: entry.hash };
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  const sha256 = digest.digest('hex');
  const checksumFile = `${file}.sha256`;
  writeFileSync(checksumFile, `${sha256}  ${basename(file)}\n`);
  return { file, checksumFile, sha256, entries: count, headSeq: head.seq, headHash: head.hash };
}

export interface FileVerdict {
  readonly chain: ChainVerdict;
  /** Whether the file matches its .sha256 beside it; undefined when there is none. */
  readonly checksumMatches: boolean | undefined;
}

/** Verifies an exported ledger file on its own: its checksum, then every link of its chain. */
export async function verifyLedgerFile(file: string): Promise<FileVerdict> {
  if (!existsSync(file)) throw new DocketError('io', `cannot read ${file}: no such file`, { hint: 'give the path of a file written by `npx docket audit export`' });
  const digest = createHash('sha256');
  const verifier = new ChainVerifier();
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    digest.update(`${line}\n`);
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new DocketError('invalid-input', `${file}:${lineNumber}: not a JSON line`, { hint: 'the export was truncated or edited; export the ledger again' });
    }
    if (lineNumber === 1) {
      if ((value as { format?: unknown }).format !== exportHeader.format) throw new DocketError('invalid-input', `${file}:1: not a Docket ledger export`, { hint: 'give a file written by `npx docket audit export`' });
      continue;
    }
    verifier.push(value as LedgerEntry);
  }
  const checksumFile = `${file}.sha256`;
  const checksumMatches = existsSync(checksumFile) ? readFileSync(checksumFile, 'utf8').split(/\s+/)[0] === digest.digest('hex') : undefined;
  return { chain: verifier.verdict(), checksumMatches };
}

/** The head an earlier export recorded, to check the live ledger still contains it unchanged. */
export async function exportedHead(file: string): Promise<{ seq: number; hash: string } | undefined> {
  const verdict = await verifyLedgerFile(file);
  if (verdict.chain.kind !== 'intact' || verdict.chain.count === 0) return undefined;
  return { seq: verdict.chain.headSeq, hash: verdict.chain.headHash };
}

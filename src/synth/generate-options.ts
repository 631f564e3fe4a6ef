import { z } from 'zod';
import { DocketError } from '../core/errors/index.js';
import { IsoDate } from '../core/records/index.js';
import type { Day } from './calendar.js';
import { parseIsoDay } from './calendar.js';
import type { SourceId } from './emission.js';
import { SourceIds } from './emission.js';
import type { ErrorRates } from './noise.js';
import { ErrorKind } from './noise.js';
import { MAX_PEOPLE } from './numbering.js';
import { seedFromText } from './random.js';
import type { OutputFormat } from './source-catalog.js';
import { SOURCE_DEFINITIONS } from './source-catalog.js';

/** The default as-of date is fixed, not today, so a seed gives the same files whenever it runs. */
export const DEFAULT_AS_OF = '2025-06-30';

const Rate = z.number().min(0).max(1);
const SourceRates = z.partialRecord(z.enum(ErrorKind), Rate);

export const GenerateOptionsSchema = z.object({
  people: z.number().int().min(1).max(MAX_PEOPLE),
  seed: z.union([z.number().int().min(0).max(4294967295), z.string().min(1)]).default(1),
  outDir: z.string().min(1),
  format: z.enum(['csv', 'ndjson']).default('csv'),
  asOf: IsoDate.default(DEFAULT_AS_OF),
  /** Overrides of the per-source error rates, e.g. { 'court-dockets': { typo: 0.05 } }. */
  errorRates: z.partialRecord(z.enum(SourceIds), SourceRates).default({}),
  /** Multiplies every error rate (0 gives clean files; capped at 1 per rate). */
  errorScale: z.number().min(0).max(100).default(1),
});

export type GenerateOptionsInput = z.input<typeof GenerateOptionsSchema>;

export interface GenerateProgress {
  readonly people: number;
  readonly totalPeople: number;
  readonly rows: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/** Options after validation, with every default applied. */
export interface ResolvedOptions {
  readonly people: number;
  readonly seed: number;
  readonly seedText: string;
  readonly outDir: string;
  readonly format: OutputFormat;
  readonly asOf: Day;
  readonly asOfText: string;
  readonly rates: ReadonlyMap<SourceId, ErrorRates>;
}

export function resolveOptions(input: GenerateOptionsInput): ResolvedOptions {
  const parsed = GenerateOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues.at(0);
    const where = issue === undefined ? '' : issue.path.join('.');
    throw new DocketError('invalid-input', `invalid generator option ${where}: ${issue?.message ?? 'unknown problem'}`, {
      hint: 'people is 1 to 20,000,000; format csv or ndjson; as-of YYYY-MM-DD; error rates between 0 and 1',
      details: { issues: parsed.error.issues },
    });
  }
  const options = parsed.data;
  const asOf = parseIsoDay(options.asOf);
  if (asOf === undefined || options.asOf < '2009-01-01' || options.asOf > '2040-12-31') {
    throw new DocketError('invalid-input', `as-of date ${options.asOf} is outside 2009-01-01 to 2040-12-31`, { hint: 'pass --as-of as YYYY-MM-DD' });
  }
  const rates = new Map<SourceId, ErrorRates>();
  for (const source of SOURCE_DEFINITIONS) {
    const override = options.errorRates[source.id] ?? {};
    const merged = { ...source.errors } as Record<(typeof ErrorKind)[number], number>;
    for (const kind of ErrorKind) merged[kind] = Math.min(1, (override[kind] ?? merged[kind]) * options.errorScale);
    rates.set(source.id, merged);
  }
  const seedText = String(options.seed);
  return {
    people: options.people, seed: typeof options.seed === 'number' ? options.seed >>> 0 : seedFromText(options.seed), seedText,
    outDir: options.outDir, format: options.format, asOf, asOfText: options.asOf, rates,
  };
}

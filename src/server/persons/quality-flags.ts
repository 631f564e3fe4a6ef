import { z } from 'zod';
import type { PersonRecord } from '../../core/records/index.js';

export const QualityFlag = z.object({
  code: z.string(),
  severity: z.enum(['info', 'warning']),
  message: z.string(),
});
export type QualityFlag = z.infer<typeof QualityFlag>;

export interface MemberFacts {
  readonly recordId: number;
  readonly sourceName: string;
  /** Undefined when the stored record no longer reads as a canonical record. */
  readonly record: PersonRecord | undefined;
  readonly matchProbability: number | undefined;
}

/** Probabilities below this are linked but deserve a second look. */
const weakLink = 0.95;

function distinct(values: readonly (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== undefined))].sort();
}

/** Two dates that differ only by day and month being swapped (03-04 against 04-03). */
function swapped(a: string, b: string): boolean {
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  return ya === yb && ma === db && da === mb;
}

/** What a reader of the profile should know about the data behind it. Pure. */
export function qualityFlags(members: readonly MemberFacts[], openReviews: number, today: string): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const records = members.flatMap((m) => (m.record === undefined ? [] : [m.record]));
  const unreadable = members.filter((m) => m.record === undefined).length;
  if (unreadable > 0) flags.push({ code: 'unreadable-record', severity: 'warning', message: `${unreadable} source record${unreadable === 1 ? '' : 's'} could not be read as a person record` });
  const dobs = distinct(records.map((r) => r.dateOfBirth));
  if (dobs.length === 0) flags.push({ code: 'missing-date-of-birth', severity: 'warning', message: 'no source gives a date of birth' });
  if (dobs.length > 1) {
    const onlySwap = dobs.length === 2 && swapped(dobs[0] ?? '', dobs[1] ?? '');
    flags.push({ code: 'conflicting-dates-of-birth', severity: 'warning', message: `sources disagree on the date of birth: ${dobs.join(', ')}${onlySwap ? ' (day and month swapped)' : ''}` });
  }
  const sexes = distinct(records.map((r) => r.sex));
  if (sexes.length > 1) flags.push({ code: 'conflicting-sex', severity: 'info', message: `sources record different sex markers: ${sexes.join(', ')}` });
  const births = distinct(records.map((r) => r.countryOfBirth));
  if (births.length > 1) flags.push({ code: 'conflicting-country-of-birth', severity: 'warning', message: `sources disagree on the country of birth: ${births.join(', ')}` });
  const weak = members.filter((m) => m.matchProbability !== undefined && m.matchProbability < weakLink);
  if (weak.length > 0) flags.push({ code: 'weak-link', severity: 'warning', message: `${weak.length} record${weak.length === 1 ? ' is' : 's are'} linked with a match probability below ${weakLink}` });
  if (openReviews > 0) flags.push({ code: 'pending-review', severity: 'warning', message: `${openReviews} uncertain match${openReviews === 1 ? '' : 'es'} involving this person await clerical review` });
  const sources = distinct(members.map((m) => m.sourceName));
  if (members.length > 0 && sources.length === 1) flags.push({ code: 'single-source', severity: 'info', message: `every record comes from one source (${sources[0] ?? ''})` });
  const expired = records.flatMap((r) => r.documents).filter((d) => d.expiresOn !== undefined && d.expiresOn < today);
  if (expired.length > 0) flags.push({ code: 'expired-document', severity: 'info', message: `${expired.length} document${expired.length === 1 ? ' has' : 's have'} expired` });
  return flags;
}

import type { PersonName, PersonRecord } from '../../core/records/index.js';

/** Letters and marks of any script, and the punctuation names really carry. */
const NAME_CHARACTERS = /^[\p{L}\p{M}' ’.,-]+$/u;
const MAX_NAME_LENGTH = 100;
const EARLIEST_BIRTH = '1900-01-01';

function checkName(name: PersonName, where: string): string | undefined {
  for (const part of ['given', 'middle', 'surname', 'full'] as const) {
    const value = name[part];
    if (value === undefined) continue;
    if (value.length > MAX_NAME_LENGTH) return `${where}.${part}: ${value.length} characters is longer than any name (the limit is ${MAX_NAME_LENGTH})`;
    if (!NAME_CHARACTERS.test(value)) {
      const odd = [...new Set(value.match(/[^\p{L}\p{M}' ’.,-]/gu))];
      return `${where}.${part}: "${value}" has characters no name has (${odd.join(' ')})`;
    }
  }
  return undefined;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The plausibility checks a record must pass before it is stored: values that cannot be true
 * (born in the future, an arrival before birth, a name made of symbols) send the row to quarantine.
 */
export function checkRecord(record: PersonRecord, today: string): string | undefined {
  const { name } = record;
  if (name.given === undefined && name.surname === undefined && name.full === undefined) return 'name: the row has no name at all';
  const nameProblem = checkName(name, 'name') ?? record.aliases.map((alias, i) => checkName(alias, `aliases[${i}]`)).find((p) => p !== undefined);
  if (nameProblem !== undefined) return nameProblem;
  const born = record.dateOfBirth;
  if (born !== undefined) {
    if (born > today) return `dateOfBirth: ${born} is in the future`;
    if (born < EARLIEST_BIRTH) return `dateOfBirth: ${born} is before ${EARLIEST_BIRTH}`;
  }
  const latest = addDays(today, 2 * 366);
  for (const event of record.events) {
    if (born !== undefined && event.date < born && event.kind !== 'parent-citizenship') return `${event.kind}.date: ${event.date} is before the date of birth ${born}`;
    if (event.date > latest) return `${event.kind}.date: ${event.date} is more than two years ahead`;
  }
  for (const doc of record.documents) {
    if (!/^[A-Z0-9]{3,30}$/.test(doc.number)) return `documents (${doc.kind}): "${doc.number}" is not a document number (3 to 30 letters and digits)`;
  }
  return undefined;
}

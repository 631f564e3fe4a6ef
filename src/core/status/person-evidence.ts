import { Moment, type IsoDay } from '../calendar/index.js';
import type { DocumentKind, RecordEvent, RecordEventKind } from '../records/index.js';
import type { ResolvedPerson } from './resolved-person.js';

/** A record event with the record that holds it. */
export interface SourcedEvent<K extends RecordEventKind = RecordEventKind> {
  readonly recordId: string;
  readonly source: string;
  readonly event: Extract<RecordEvent, { kind: K }>;
}

export interface SourcedValue<T> {
  readonly recordId: string;
  readonly value: T;
}

/**
 * What the records of one person say as of a moment: events dated after it are not yet known,
 * so the same records can be read at any point of a history.
 */
export interface PersonEvidence {
  readonly kind: 'person-evidence';
  readonly personId: string;
  readonly moment: Moment;
  readonly events: readonly SourcedEvent[];
  readonly documents: readonly SourcedValue<{ readonly kind: DocumentKind; readonly number: string }>[];
  readonly datesOfBirth: readonly SourcedValue<IsoDay>[];
  readonly countriesOfBirth: readonly SourcedValue<string>[];
  readonly citizenships: readonly SourcedValue<string>[];
}

export const PersonEvidence = {
  of(person: ResolvedPerson, moment: Moment): PersonEvidence {
    const events: SourcedEvent[] = [];
    const documents: SourcedValue<{ kind: DocumentKind; number: string }>[] = [];
    const datesOfBirth: SourcedValue<IsoDay>[] = [];
    const countriesOfBirth: SourcedValue<string>[] = [];
    const citizenships: SourcedValue<string>[] = [];
    for (const { recordId, source, record } of person.records) {
      for (const event of record.events) {
        const at = event.kind === 'stay' ? event.at : undefined;
        if (Moment.reached(moment, event.date, at)) events.push({ recordId, source, event });
      }
      for (const document of record.documents) documents.push({ recordId, value: { kind: document.kind, number: document.number } });
      if (record.dateOfBirth !== undefined) datesOfBirth.push({ recordId, value: record.dateOfBirth });
      if (record.countryOfBirth !== undefined) countriesOfBirth.push({ recordId, value: record.countryOfBirth });
      for (const country of record.citizenships) citizenships.push({ recordId, value: country });
    }
    events.sort((a, b) => compare(a.event.date, b.event.date) || compare(a.recordId, b.recordId));
    return { kind: 'person-evidence', personId: person.personId, moment, events, documents, datesOfBirth, countriesOfBirth, citizenships };
  },

  /** The events of one kind, in date order. */
  eventsOf<K extends RecordEventKind>(evidence: PersonEvidence, kind: K): readonly SourcedEvent<K>[] {
    // The filter keeps exactly the events whose kind is K; TypeScript cannot narrow a generic union by it.
    return evidence.events.filter((sourced) => sourced.event.kind === kind) as unknown as readonly SourcedEvent<K>[];
  },

  /**
   * A decision as it stood at the moment: one taken later is still pending then. A decision without
   * its date is taken as known, since the record that states it already exists.
   */
  decisionAsOf<D extends string>(evidence: PersonEvidence, decision: D | 'pending', decidedOn: IsoDay | undefined): D | 'pending' {
    if (decision !== 'pending' && decidedOn !== undefined && decidedOn > evidence.moment.day) return 'pending';
    return decision;
  },

  /** The latest date of birth on file: the youngest reading, which keeps every protection for minors. */
  latestDateOfBirth(evidence: PersonEvidence): SourcedValue<IsoDay> | undefined {
    return evidence.datesOfBirth.reduce<SourcedValue<IsoDay> | undefined>((latest, dob) => (latest === undefined || dob.value > latest.value ? dob : latest), undefined);
  },
} as const;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

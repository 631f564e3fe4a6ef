import type { z } from 'zod';
import { PersonRecord, RecordEvent } from '../../records/index.js';
import type { RecordLink, ResolvedPerson } from '../resolved-person.js';

export type EventInput = z.input<typeof RecordEvent>;

export interface RecordSpec {
  readonly id?: string;
  readonly source?: string;
  readonly fields?: Omit<z.input<typeof PersonRecord>, 'events' | 'name'> & { name?: z.input<typeof PersonRecord>['name'] };
  readonly events?: readonly EventInput[];
}

/** A resolved person from record specs; events are validated through the canonical schema. */
export function personOf(specs: readonly RecordSpec[], options: { personId?: string; links?: readonly RecordLink[] } = {}): ResolvedPerson {
  return {
    personId: options.personId ?? 'person-1',
    records: specs.map((spec, index) => ({
      recordId: spec.id ?? `r${index + 1}`,
      source: spec.source ?? 'test-source',
      record: PersonRecord.parse({ name: { given: 'Ana', surname: 'Diaz' }, ...spec.fields, events: (spec.events ?? []).map((e) => RecordEvent.parse(e)) }),
    })),
    links: [...(options.links ?? [])],
  };
}

/**
 * The common shape of a test person: one record `base` with the person's fields, then one record per
 * event, named `e1`, `e2`, … in the order given (each source row holds one event).
 */
export function personWith(fields: RecordSpec['fields'], ...events: readonly EventInput[]): ResolvedPerson {
  return personOf([{ id: 'base', fields }, ...events.map((event, index) => ({ id: `e${index + 1}`, source: `test-${event.kind}`, events: [event] }))]);
}

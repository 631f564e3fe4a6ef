import { IsoDay } from '../../core/calendar/index.js';
import type { PurposeOfUse } from '../../core/sources/index.js';
import { Fixture, type PersonRecordInput } from '../../server/testing/fixtures.js';
import type { Queryable } from '../../store/index.js';

const court: readonly PurposeOfUse[] = ['identity-resolution', 'legal-status-determination', 'case-processing', 'removal-logistics', 'challenge-and-correction', 'oversight-audit'];
const travel: readonly PurposeOfUse[] = ['identity-resolution', 'legal-status-determination', 'departure-verification', 'case-processing', 'challenge-and-correction', 'oversight-audit'];
const exits: readonly PurposeOfUse[] = ['identity-resolution', 'departure-verification', 'challenge-and-correction', 'oversight-audit'];
const criminal: readonly PurposeOfUse[] = ['identity-resolution', 'case-processing', 'challenge-and-correction', 'oversight-audit'];
const identity: readonly PurposeOfUse[] = ['identity-resolution', 'legal-status-determination', 'case-processing', 'challenge-and-correction', 'oversight-audit'];

/** The people of the case world, by what makes each one a test. */
export interface CaseWorld {
  readonly today: IsoDay;
  /** Final in-absentia order to Honduras and a robbery conviction: tier 1, every removal gate clear. */
  readonly removable: number;
  readonly removableRecords: readonly number[];
  /** Same, but a US passport is on file: no case may be opened. */
  readonly citizen: number;
  /** Final order; the court record joined the arrival with a probability in the review band. */
  readonly uncertain: number;
  readonly uncertainReview: number;
  /** A year and more past the admitted stay, no proceedings: tier 4. */
  readonly overstay: number;
  /** Voluntary departure granted, deadline in 10 days, no exit yet: due, with an alert. */
  readonly departing: number;
  readonly departingRecords: readonly number[];
  /** Voluntary departure with the deadline passed 5 days ago and no exit: overdue, tier 2. */
  readonly overdue: number;
  /** Voluntary departure with a biometric exit 3 days ago: verified. */
  readonly departed: number;
  /** Fixture, for adding records to the world during a test. */
  readonly fixture: Fixture;
}

const link = (probability: number) => ({ priorWeight: -9, fields: [{ field: 'name', level: 'exact', weight: 9, valueA: 'x', valueB: 'x' }], probability });

/**
 * A handful of synthetic people around `today`, with sources registered as the generator registers
 * them (exit records may be read for departure verification only; criminal records for case processing).
 */
export async function seedCaseWorld(db: Queryable, today: IsoDay): Promise<CaseWorld> {
  const day = (offset: number): string => IsoDay.addDays(today, offset);
  const f = new Fixture(db);
  for (const [name, purposes, category] of [
    ['court-orders', court, 'immigration-court'], ['stays', court, 'immigration-court'], ['voluntary-departure', travel, 'voluntary-departure'],
    ['arrivals-departures', travel, 'travel-records'], ['biometric-exit', exits, 'biometric-exit'], ['criminal-dispositions', criminal, 'criminal-dispositions'],
    ['us-passports', identity, 'identity-documents'],
  ] as const) {
    if ((await db.query('SELECT 1 FROM sources WHERE name = $1', [name])).length === 0) await f.source(name, category, purposes);
  }

  const person = (given: string, surname: string, dob: string, extra: Partial<PersonRecordInput> = {}): PersonRecordInput => ({ name: { given, surname }, dateOfBirth: dob, sex: 'M', countryOfBirth: 'HND', ...extra });
  const entity = async (records: readonly number[], probability = 0.99): Promise<number> => f.entity(records.map((recordId, i) => (i === 0 ? { recordId } : { recordId, score: probability, link: link(probability) })));

  const finalOrder = async (given: string, surname: string, dob: string, caseNumber: string): Promise<number[]> => [
    await f.record('arrivals-departures', person(given, surname, dob, { events: [{ kind: 'arrival', date: day(-2400), classOfAdmission: 'B2', admitUntil: day(-2220) }] })),
    await f.record('court-orders', person(given, surname, dob, {
      events: [
        { kind: 'court-case-opened', date: day(-900), caseNumber },
        { kind: 'order', date: day(-400), caseNumber, outcome: 'removal', inAbsentia: true, destination: 'HND' },
      ],
    })),
  ];

  const removableRecords = [
    ...await finalOrder('Carlos', 'Mejia', '1985-02-11', 'A100'),
    await f.record('criminal-dispositions', person('Carlos', 'Mejia', '1985-02-11', { events: [{ kind: 'criminal-disposition', date: day(-700), offenceCategory: 'robbery', disposition: 'convicted' }] })),
  ];
  const removable = await entity(removableRecords);

  const citizen = await entity([
    ...await finalOrder('Jose', 'Reyes', '1979-06-01', 'A200'),
    await f.record('us-passports', person('Jose', 'Reyes', '1979-06-01', { countryOfBirth: 'USA', events: [{ kind: 'us-passport', date: day(-3000), passportNumber: '912345678' }] })),
  ]);

  const uncertainRecords = await finalOrder('Luis', 'Flores', '1990-09-09', 'A300');
  const uncertain = await entity(uncertainRecords, 0.62);
  const uncertainReview = await f.review(uncertainRecords[0] ?? 0, uncertainRecords[1] ?? 0, 0.62, link(0.62));

  const overstay = await entity([await f.record('arrivals-departures', person('Miguel', 'Castro', '1988-03-03', { events: [{ kind: 'arrival', date: day(-900), classOfAdmission: 'B2', admitUntil: day(-720) }] }))]);

  const grant = async (given: string, surname: string, dob: string, caseNumber: string, deadlineOffset: number, exitOffset?: number): Promise<number[]> => {
    const records = [
      await f.record('arrivals-departures', person(given, surname, dob, { events: [{ kind: 'arrival', date: day(-2000), classOfAdmission: 'B2', admitUntil: day(-1820) }] })),
      await f.record('court-orders', person(given, surname, dob, {
        events: [{ kind: 'court-case-opened', date: day(-300), caseNumber }, { kind: 'order', date: day(-50), caseNumber, outcome: 'voluntary-departure', appealWaived: true }],
      })),
      await f.record('voluntary-departure', person(given, surname, dob, { events: [{ kind: 'voluntary-departure-grant', date: day(-50), caseNumber, deadline: day(deadlineOffset), stage: 'at-conclusion' }] })),
    ];
    if (exitOffset !== undefined) records.push(await f.record('biometric-exit', person(given, surname, dob, { events: [{ kind: 'departure', date: day(exitOffset), evidence: 'biometric-exit', port: 'IAH' }] })));
    return records;
  };
  const departingRecords = await grant('Pedro', 'Alvarez', '1982-12-12', 'A400', 10);
  const departing = await entity(departingRecords);
  const overdue = await entity(await grant('Jorge', 'Ramos', '1975-05-05', 'A500', -5));
  const departed = await entity(await grant('Raul', 'Ortiz', '1991-01-21', 'A600', 20, -3));

  return { today, removable, removableRecords, citizen, uncertain, uncertainReview, overstay, departing, departingRecords, overdue, departed, fixture: f };
}

/** Adds a record to a person's entity, the way live resolution does, linked with high probability. */
export async function addRecordTo(db: Queryable, fixture: Fixture, entityId: number, source: string, record: PersonRecordInput): Promise<number> {
  const recordId = await fixture.record(source, record);
  await db.query('INSERT INTO entity_members (entity_id, person_record_id, match_score, link) VALUES ($1, $2, 0.99, $3)', [entityId, recordId, JSON.stringify(link(0.99))]);
  return recordId;
}

import type { PurposeOfUse } from '../../core/sources/index.js';
import type { Queryable } from '../../store/index.js';
import type { LinkExplanation } from '../persons/link-explanation.js';
import { Fixture } from './fixtures.js';

const identityPurposes: readonly PurposeOfUse[] = ['case-processing', 'identity-resolution', 'legal-status-determination', 'departure-verification', 'removal-logistics', 'data-quality', 'challenge-and-correction'];

const link = (fields: [string, string, number, string, string][], prior = -9.5): LinkExplanation => ({
  priorWeight: prior,
  fields: fields.map(([field, level, weight, valueA, valueB]) => ({ field, level, weight, valueA, valueB })),
});

export interface SmallWorld {
  /** Mohammed Al-Hassan: a visa record and an arrival record written Muhammad Alhassan, date of birth day and month swapped. */
  readonly hassan: number;
  readonly hassanRecords: readonly [number, number];
  /** Sergei Ivanov in Latin letters and in Cyrillic; a criminal-court record only case processing may read. */
  readonly ivanov: number;
  readonly ivanovRecords: readonly [number, number, number];
  /** Robert "Bob" Smith. */
  readonly smith: number;
  /** Ana Pereira and Anna Pereira: two people until a clerical decision says otherwise. */
  readonly pereiraA: number;
  readonly pereiraB: number;
  readonly pereiraReview: number;
  /** Another uncertain pair, for a second decision. */
  readonly garciaReview: number;
}

/** A few synthetic people exercising transliteration, nicknames, swapped dates and review. */
export async function seedSmallWorld(db: Queryable): Promise<SmallWorld> {
  const f = new Fixture(db);
  await f.source('visa-issuance', 'visa-records', identityPurposes, '8 U.S.C. 1202');
  await f.source('arrivals-departures', 'travel-records', identityPurposes, '8 U.S.C. 1365b');
  await f.source('criminal-dispositions', 'criminal-dispositions', ['case-processing'], '8 U.S.C. 1227(a)(2)');

  const h1 = await f.record('visa-issuance', {
    name: { given: 'Mohammed', surname: 'Al-Hassan' }, dateOfBirth: '1985-03-04', sex: 'M', countryOfBirth: 'JOR', citizenships: ['JOR'],
    documents: [{ kind: 'passport', number: 'P4410987', issuingCountry: 'JOR', expiresOn: '2031-01-31' }],
    events: [{ kind: 'visa-issued', date: '2022-05-10', visaClass: 'F1', validUntil: '2027-05-09' }],
  });
  const h2 = await f.record('arrivals-departures', {
    name: { full: 'Muhammad Alhassan' }, dateOfBirth: '1985-04-03', sex: 'M', citizenships: ['JOR'],
    documents: [{ kind: 'passport', number: 'P441O987', issuingCountry: 'JOR' }],
    events: [{ kind: 'arrival', date: '2022-08-20', classOfAdmission: 'F1', durationOfStatus: true, port: 'JFK' }],
  });
  const hassan = await f.entity([
    { recordId: h1 },
    { recordId: h2, score: 0.991, link: link([['name', 'transliteration variant', 4.2, 'mohammed al hassan', 'muhammad alhassan'], ['date_of_birth', 'day and month swapped', 3.1, '1985-03-04', '1985-04-03'], ['passport', 'one character apart', 8.4, 'P4410987', 'P441O987'], ['citizenship', 'exact', 0.9, 'JOR', 'JOR']]) },
  ]);

  const i1 = await f.record('visa-issuance', {
    name: { given: 'Sergei', surname: 'Ivanov' }, dateOfBirth: '1979-11-23', sex: 'M', countryOfBirth: 'RUS', citizenships: ['RUS'],
    documents: [{ kind: 'passport', number: '751234567', issuingCountry: 'RUS' }],
    events: [{ kind: 'visa-issued', date: '2019-02-01', visaClass: 'B1/B2', validUntil: '2029-01-31' }],
  });
  const i2 = await f.record('arrivals-departures', {
    name: { given: 'Сергей', surname: 'Иванов' }, dateOfBirth: '1979-11-23', countryOfBirth: 'RUS',
    events: [{ kind: 'arrival', date: '2019-06-14', classOfAdmission: 'B2', admitUntil: '2019-12-13', port: 'MIA' }],
  });
  const i3 = await f.record('criminal-dispositions', {
    name: { given: 'Sergey', surname: 'Ivanoff' }, dateOfBirth: '1979-11-23',
    events: [{ kind: 'criminal-disposition', date: '2021-03-02', offenceCategory: 'traffic', disposition: 'dismissed' }],
  });
  const ivanov = await f.entity([
    { recordId: i1 },
    { recordId: i2, score: 0.998, link: link([['name', 'transliteration (Cyrillic)', 6.8, 'sergei ivanov', 'sergei ivanov'], ['date_of_birth', 'exact', 9.2, '1979-11-23', '1979-11-23'], ['country_of_birth', 'exact', 1.1, 'RUS', 'RUS']]) },
    { recordId: i3, score: 0.97, link: link([['name', 'sounds alike', 3.9, 'sergei ivanov', 'sergey ivanoff'], ['date_of_birth', 'exact', 9.2, '1979-11-23', '1979-11-23']]) },
  ]);

  const s1 = await f.record('visa-issuance', {
    name: { given: 'Robert', surname: 'Smith' }, aliases: [{ given: 'Bob', surname: 'Smith' }], dateOfBirth: '1990-07-15', countryOfBirth: 'CAN',
    documents: [{ kind: 'passport', number: 'GA302211', issuingCountry: 'CAN' }],
  });
  const smith = await f.entity([{ recordId: s1 }]);

  const p1 = await f.record('visa-issuance', { name: { given: 'Ana', surname: 'Pereira' }, dateOfBirth: '1992-01-09', countryOfBirth: 'BRA', documents: [{ kind: 'passport', number: 'FX118822', issuingCountry: 'BRA' }] });
  const p2 = await f.record('arrivals-departures', { name: { given: 'Anna', surname: 'Pereira' }, dateOfBirth: '1992-09-01', countryOfBirth: 'BRA' });
  const pereiraA = await f.entity([{ recordId: p1 }]);
  const pereiraB = await f.entity([{ recordId: p2 }]);
  const pereiraReview = await f.review(p1, p2, 0.47, link([['given_name', 'nickname or variant', 2.1, 'ana', 'anna'], ['surname', 'exact', 5.8, 'pereira', 'pereira'], ['date_of_birth', 'day and month swapped', 1.4, '1992-01-09', '1992-09-01'], ['passport', 'missing on one side', 0, 'FX118822', '']]));

  const g1 = await f.record('visa-issuance', { name: { given: 'María José', surname: 'García López' }, dateOfBirth: '1988-02-29', countryOfBirth: 'MEX' });
  const g2 = await f.record('arrivals-departures', { name: { given: 'Maria', surname: 'Garcia' }, dateOfBirth: '1988-02-29', countryOfBirth: 'MEX' });
  await f.entity([{ recordId: g1 }]);
  await f.entity([{ recordId: g2 }]);
  const garciaReview = await f.review(g1, g2, 0.82, link([['given_name', 'first word agrees', 1.2, 'maria jose', 'maria'], ['surname', 'first surname agrees', 2.6, 'garcia lopez', 'garcia'], ['date_of_birth', 'exact', 7.9, '1988-02-29', '1988-02-29']]));

  await f.quarantine('arrivals-departures', 'line is not valid JSON: unexpected end of input');
  return { hassan, hassanRecords: [h1, h2], ivanov, ivanovRecords: [i1, i2, i3], smith, pereiraA, pereiraB, pereiraReview, garciaReview };
}

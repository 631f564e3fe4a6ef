import { IsoDay } from '../calendar/index.js';
import { ApplicationForm } from './application-form.js';
import { Finding } from './finding.js';
import type { PermanentResidence } from './permanent-residence.js';
import { PersonEvidence, type SourcedEvent, type SourcedValue } from './person-evidence.js';

/**
 * One sign that the person may be a US citizen or national. `proof` is documentary proof or every
 * condition of a statute met on the records; `indication` is a sign that counsel must weigh.
 * Either one stops every adverse action.
 */
export interface CitizenshipIndication {
  readonly kind: 'citizenship-indication';
  readonly strength: 'proof' | 'indication';
  readonly finding: Finding;
}

/** Births in these territories confer citizenship from the cut-off date (nationality, for the last two). */
const territories: Partial<Record<string, { readonly name: string; readonly citizenFrom: IsoDay | undefined; readonly section: string }>> = {
  PRI: { name: 'Puerto Rico', citizenFrom: '1941-01-13', section: 'INA 302' },
  VIR: { name: 'the US Virgin Islands', citizenFrom: '1927-02-25', section: 'INA 306(a)(4)' },
  GUM: { name: 'Guam', citizenFrom: '1950-08-01', section: 'INA 307(a)(3)' },
  MNP: { name: 'the Northern Mariana Islands', citizenFrom: '1986-11-04', section: 'Covenant s. 303' },
  ASM: { name: 'American Samoa', citizenFrom: undefined, section: 'INA 308(1)' },
  UMI: { name: 'a US minor outlying island', citizenFrom: undefined, section: 'INA 308(1)' },
};

/** The Child Citizenship Act took effect on this day; derivation before it followed former INA 321. */
const childCitizenshipActEffective = '2001-02-27';

/** Every indication of US citizenship or nationality in the records. */
export function citizenshipIndications(evidence: PersonEvidence, residence: PermanentResidence | undefined): readonly CitizenshipIndication[] {
  return [...documentary(evidence), ...birthplace(evidence), ...throughParents(evidence, residence)];
}

function documentary(evidence: PersonEvidence): CitizenshipIndication[] {
  const found: CitizenshipIndication[] = [];
  const proof = (finding: Finding): void => void found.push({ kind: 'citizenship-indication', strength: 'proof', finding });
  const indication = (finding: Finding): void => void found.push({ kind: 'citizenship-indication', strength: 'indication', finding });

  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'us-passport')) proof(Finding.of('citizenship.us-passport', `A US passport was issued on ${event.date}.`, [recordId]));
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'naturalization')) proof(Finding.of('citizenship.naturalization', `Naturalized on ${event.date}.`, [recordId]));
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'citizenship-certificate')) {
    const basis = event.basis === undefined ? '' : ` (by ${event.basis})`;
    proof(Finding.of('citizenship.certificate', `A certificate of citizenship${basis} was issued on ${event.date}.`, [recordId]));
  }
  for (const { recordId, value } of evidence.documents) {
    if (value.kind === 'us-passport') proof(Finding.of('citizenship.us-passport', `A US passport (${value.number}) is on file.`, [recordId]));
    if (value.kind === 'naturalization-certificate') proof(Finding.of('citizenship.naturalization', `A certificate of naturalization (${value.number}) is on file.`, [recordId]));
    if (value.kind === 'citizenship-certificate') proof(Finding.of('citizenship.certificate', `A certificate of citizenship (${value.number}) is on file.`, [recordId]));
  }
  for (const { recordId, event } of PersonEvidence.eventsOf(evidence, 'benefit-application')) {
    const purpose = ApplicationForm.purpose(event.form);
    const decision = PersonEvidence.decisionAsOf(evidence, event.decision, event.decidedOn);
    if (purpose === 'certificate-of-citizenship' && decision === 'pending') {
      indication(Finding.of('citizenship.claim-pending', `A claim to citizenship (${event.form}) filed on ${event.date} is pending.`, [recordId]));
    }
    if (purpose === 'certificate-of-citizenship' && decision === 'approved') {
      proof(Finding.of('citizenship.certificate', `A claim to citizenship (${event.form}) was approved.`, [recordId]));
    }
    if (purpose === 'naturalization' && decision === 'approved') {
      indication(Finding.of('citizenship.naturalization', `Naturalization (${event.form}) was approved; the oath may have been taken.`, [recordId]));
    }
  }
  for (const { recordId, value } of evidence.citizenships) {
    if (value === 'USA') indication(Finding.of('citizenship.listed', 'A source record lists US citizenship.', [recordId]));
  }
  return found;
}

function birthplace(evidence: PersonEvidence): CitizenshipIndication[] {
  const dob = PersonEvidence.latestDateOfBirth(evidence);
  const found: CitizenshipIndication[] = [];
  for (const { recordId, value } of evidence.countriesOfBirth) {
    if (value === 'USA') {
      found.push({ kind: 'citizenship-indication', strength: 'indication', finding: Finding.of('citizenship.birth-in-us', 'A source record gives the United States as the country of birth.', [recordId]) });
      continue;
    }
    const territory = territories[value];
    if (territory === undefined) continue;
    const records = dob === undefined ? [recordId] : [recordId, dob.recordId];
    let explanation: string;
    if (territory.citizenFrom === undefined) explanation = `Born in ${territory.name}: a US national at birth (${territory.section}), not removable as an alien.`;
    else if (dob !== undefined && dob.value >= territory.citizenFrom) explanation = `Born in ${territory.name} on ${dob.value}, on or after ${territory.citizenFrom}: a citizen at birth (${territory.section}).`;
    else explanation = `Born in ${territory.name}${dob === undefined ? ' on an unknown date' : ` on ${dob.value}`}: citizenship depends on conditions in ${territory.section}.`;
    found.push({ kind: 'citizenship-indication', strength: 'indication', finding: Finding.of('citizenship.birth-in-territory', explanation, records) });
  }
  return found;
}

function throughParents(evidence: PersonEvidence, residence: PermanentResidence | undefined): CitizenshipIndication[] {
  const dob = PersonEvidence.latestDateOfBirth(evidence);
  return PersonEvidence.eventsOf(evidence, 'parent-citizenship').flatMap((parent) => [
    ...derivation(parent, dob, residence),
    ...acquisition(parent, dob),
  ]);
}

/** INA 320: permanent resident, under 18, in the legal and physical custody of a citizen parent. */
function derivation(parent: SourcedEvent<'parent-citizenship'>, birth: SourcedValue<IsoDay> | undefined, residence: PermanentResidence | undefined): CitizenshipIndication[] {
  const { event, recordId } = parent;
  if (residence === undefined || event.custody === false) return [];
  const dob = birth?.value;
  const records = [recordId, ...Finding.recordIds(residence.findings), ...(birth === undefined ? [] : [birth.recordId])];
  const unknown = [
    event.custody === undefined ? 'custody' : undefined,
    dob === undefined ? 'date of birth' : undefined,
    residence.since === undefined ? 'date of permanent residence' : undefined,
    event.parentCitizenSince === undefined ? 'date the parent became a citizen' : undefined,
  ].filter((item): item is string => item !== undefined);
  if (unknown.length > 0 || dob === undefined || residence.since === undefined || event.parentCitizenSince === undefined) {
    return [{
      kind: 'citizenship-indication', strength: 'indication',
      finding: Finding.of('citizenship.derivation-ina-320', `A permanent resident with a US-citizen parent; not recorded: ${unknown.join(', ')}. Derivation cannot be ruled out.`, records),
    }];
  }
  const adulthood = IsoDay.anniversary(dob, 18);
  const allMet = IsoDay.max(residence.since, event.parentCitizenSince);
  if (allMet >= adulthood) return [];
  if (IsoDay.max(allMet, childCitizenshipActEffective) < adulthood) {
    return [{
      kind: 'citizenship-indication', strength: 'proof',
      finding: Finding.of('citizenship.derivation-ina-320', `Permanent resident since ${residence.since}, in the custody of a parent who is a citizen since ${event.parentCitizenSince}, and under 18 until ${adulthood}: a citizen by derivation.`, records),
    }];
  }
  return [{
    kind: 'citizenship-indication', strength: 'indication',
    finding: Finding.of('citizenship.former-ina-321', `The conditions were met on ${allMet}, before ${childCitizenshipActEffective}, while under 18: derivation under former INA 321 is for counsel to decide.`, records),
  }];
}

/** INA 301: born abroad to a citizen parent. The parent's physical presence is not on file, so this is an indication. */
function acquisition(parent: SourcedEvent<'parent-citizenship'>, birth: SourcedValue<IsoDay> | undefined): CitizenshipIndication[] {
  const { event, recordId } = parent;
  const dob = birth?.value;
  if (event.bornAbroadToCitizen === false) return [];
  if (event.bornAbroadToCitizen === true) {
    return [{ kind: 'citizenship-indication', strength: 'indication', finding: Finding.of('citizenship.acquisition-ina-301', 'Born abroad to a US-citizen parent: a citizen at birth if the parent met the residence conditions.', [recordId]) }];
  }
  const since = event.parentCitizenSince;
  if (since !== undefined && dob !== undefined && since > dob) return [];
  const when = since === undefined ? 'since an unrecorded date' : `since ${since}`;
  return [{
    kind: 'citizenship-indication', strength: 'indication',
    finding: Finding.of('citizenship.acquisition-ina-301', `A parent has been a US citizen ${when}, possibly before this person's birth: acquisition at birth cannot be ruled out.`, [recordId, ...(birth === undefined ? [] : [birth.recordId])]),
  }];
}

import type { FieldRole } from './field-role.js';

/** Header names (lower case, letters and digits only) that name a role, from the command's contract. */
const synonyms: Readonly<Partial<Record<string, FieldRole>>> = {
  givenname: 'given', firstname: 'given', forename: 'given', forenames: 'given', given: 'given', first: 'given', fname: 'given', givennames: 'given',
  middlename: 'middle', middle: 'middle', middlenames: 'middle',
  surname: 'surname', lastname: 'surname', familyname: 'surname', last: 'surname', lname: 'surname', surnames: 'surname',
  fullname: 'fullName', name: 'fullName', personname: 'fullName',
  dateofbirth: 'dateOfBirth', dob: 'dateOfBirth', birthdate: 'dateOfBirth', birthday: 'dateOfBirth',
  sex: 'sex', gender: 'sex',
  countryofbirth: 'country', birthcountry: 'country', birthplace: 'country', placeofbirth: 'country', citizenship: 'country', nationality: 'country', country: 'country',
  passportnumber: 'document', documentnumber: 'document', passportno: 'document', passport: 'document', documentno: 'document', docnumber: 'document',
  anumber: 'alienNumber', aliennumber: 'alienNumber', alienregistrationnumber: 'alienNumber',
  socsecid: 'nationalId', ssn: 'nationalId', socialsecuritynumber: 'nationalId', nationalid: 'nationalId', nationalidnumber: 'nationalId',
  email: 'email', emailaddress: 'email',
  streetnumber: 'streetNumber', housenumber: 'streetNumber',
  address1: 'street', address2: 'street', street: 'street', address: 'street', addressline1: 'street', addressline2: 'street', streetaddress: 'street',
  suburb: 'locality', city: 'locality', town: 'locality', locality: 'locality',
  postcode: 'postcode', zip: 'postcode', zipcode: 'postcode', postalcode: 'postcode',
  state: 'region', province: 'region', region: 'region',
};

/** Words that, with "name", mean the whole name of the person a row is about (alien_name, defendant_name). */
const personWords = new Set(['alien', 'defendant', 'respondent', 'applicant', 'beneficiary', 'person', 'subject', 'traveler', 'traveller', 'passenger', 'client', 'full', 'party', 'individual']);

/** Splits a header into lower-case words: snake_case, kebab-case, spaces and camelCase. */
function words(header: string): string[] {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * The role a header names, if any: first the exact synonyms of the contract, then by its words,
 * so that respondent_last, name_first, us_zip, citizenship_country or sex_code are understood too.
 * Headers about something other than the person (destination_country, school_name) stay unused.
 */
export function inferRole(header: string): FieldRole | undefined {
  const exact = synonyms[header.toLowerCase().replace(/[^a-z0-9]/g, '')];
  if (exact !== undefined) return exact;
  const w = new Set(words(header));
  const has = (...any: string[]) => any.some((x) => w.has(x));
  if (has('destination', 'issuing', 'issue', 'expiry', 'expiration', 'school', 'court', 'employer', 'port', 'carrier', 'mother', 'father', 'spouse', 'parent', 'case', 'receipt')) return undefined;
  if (has('surname', 'last', 'family')) return 'surname';
  if (has('first', 'given', 'forename', 'forenames')) return 'given';
  if (has('middle')) return 'middle';
  if (has('name') && [...w].every((x) => x === 'name' || personWords.has(x))) return 'fullName';
  if (has('dob', 'birthdate') || (has('birth') && has('date', 'day'))) return 'dateOfBirth';
  if (has('sex', 'gender')) return 'sex';
  if (has('nationality', 'citizenship') || (has('country', 'place') && has('birth'))) return 'country';
  // Any other country (a passport's, a destination) says where a document or trip is from, not the person.
  if (has('country')) return undefined;
  if (has('passport')) return 'document';
  if ((has('alien', 'a') && has('number', 'no', 'num')) || has('anumber')) return 'alienNumber';
  if (has('document', 'doc') && has('number', 'no', 'num')) return 'document';
  if (has('ssn')) return 'nationalId';
  if (has('email')) return 'email';
  if (has('zip', 'postcode', 'postal')) return 'postcode';
  if (has('city', 'town', 'suburb', 'locality')) return 'locality';
  if (has('street', 'address')) return 'street';
  if (has('state', 'province')) return 'region';
  return undefined;
}

/**
 * Which column of the same role a header stands for, so that columns line up across files:
 * a country of birth with a country of birth, a nationality with a nationality.
 */
export function roleSlot(header: string, role: FieldRole): string {
  if (role === 'country') return words(header).some((w) => w === 'birth' || w === 'place' || w === 'birthplace') ? 'country:birth' : 'country:citizenship';
  return role;
}

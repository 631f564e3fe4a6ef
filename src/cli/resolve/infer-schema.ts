import type { FieldRole } from '../../linkage/index.js';

/** Header names (lower case, letters and digits only) that name a role, from the command's contract. */
const synonyms: Readonly<Record<string, FieldRole>> = {
  givenname: 'given', firstname: 'given', forename: 'given', forenames: 'given', given: 'given', first: 'given', fname: 'given', givennames: 'given',
  middlename: 'middle', middle: 'middle', middlenames: 'middle',
  surname: 'surname', lastname: 'surname', familyname: 'surname', last: 'surname', lname: 'surname', surnames: 'surname',
  fullname: 'fullName', name: 'fullName', personname: 'fullName',
  dateofbirth: 'dateOfBirth', dob: 'dateOfBirth', birthdate: 'dateOfBirth', birthday: 'dateOfBirth', birthdt: 'dateOfBirth',
  sex: 'sex', gender: 'sex',
  countryofbirth: 'country', birthcountry: 'country', birthplace: 'country', placeofbirth: 'country', citizenship: 'country', nationality: 'country', country: 'country', countryofcitizenship: 'country',
  passportnumber: 'document', documentnumber: 'document', passportno: 'document', passport: 'document', documentno: 'document', alienumber: 'document', aliennumber: 'document', anumber: 'document',
  socsecid: 'nationalId', ssn: 'nationalId', socialsecuritynumber: 'nationalId', nationalid: 'nationalId', nationalidnumber: 'nationalId',
  email: 'email', emailaddress: 'email',
  streetnumber: 'streetNumber', housenumber: 'streetNumber',
  address1: 'street', address2: 'street', street: 'street', address: 'street', addressline1: 'street', addressline2: 'street', streetaddress: 'street',
  suburb: 'locality', city: 'locality', town: 'locality', locality: 'locality',
  postcode: 'postcode', zip: 'postcode', zipcode: 'postcode', postalcode: 'postcode',
  state: 'region', province: 'region', region: 'region',
};

function normalize(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The role a header name suggests, if any. */
export function inferRole(header: string): FieldRole | undefined {
  return synonyms[normalize(header)];
}

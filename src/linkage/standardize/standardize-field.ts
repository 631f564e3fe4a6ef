import type { FieldRole } from '../schema/field-role.js';
import { standardizePostcode, standardizeStreet } from './address.js';
import { standardizeCountry } from './country.js';
import { standardizeDocumentNumber } from './document-number.js';
import { foldText } from './fold-text.js';
import { standardizeName } from './name.js';
import type { DateOrder } from './parse-date.js';
import { parseDate } from './parse-date.js';
import { standardizeSex } from './sex.js';

/**
 * The standardized form of one raw value of a column with `role`; '' means missing.
 * Full names are split elsewhere (`parseFullName`), since they fill several parts.
 */
export function standardizeField(role: FieldRole, raw: string, dateOrder: DateOrder = 'mdy'): string {
  switch (role) {
    case 'given':
    case 'middle':
    case 'surname':
    case 'fullName':
      return standardizeName(raw);
    case 'dateOfBirth':
      return parseDate(raw, dateOrder) ?? '';
    case 'sex':
      return standardizeSex(raw);
    case 'country':
      return standardizeCountry(raw);
    case 'document':
    case 'alienNumber':
    case 'nationalId':
      return standardizeDocumentNumber(raw);
    case 'email':
      return raw.trim().toLowerCase();
    case 'street':
      return standardizeStreet(raw);
    case 'postcode':
      return standardizePostcode(raw);
    case 'streetNumber':
    case 'locality':
    case 'region':
    case 'text':
      return foldText(raw);
  }
}

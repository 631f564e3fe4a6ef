import { foldText } from './fold-text.js';
import { countries } from './tables/countries.js';

const lookup = new Map<string, string>();
for (const line of countries) {
  const [alpha3 = '', alpha2 = '', ...rest] = line.split(' ');
  lookup.set(alpha3.toLowerCase(), alpha3);
  lookup.set(alpha2.toLowerCase(), alpha3);
  for (const name of rest.join(' ').split('|')) lookup.set(name, alpha3);
}

/**
 * A country name, alpha-2 or alpha-3 code as its ISO 3166 alpha-3 code; text that names no
 * country comes back folded, so it can still be compared.
 * @example standardizeCountry('Viet Nam') === 'VNM'
 */
export function standardizeCountry(raw: string): string {
  const folded = foldText(raw);
  const code = lookup.get(folded) ?? lookup.get(folded.replace(/^the /, ''));
  return code ?? folded;
}
